/// Something with a deadline that the reactor checks when its time comes.
protocol DeadlineTarget: AnyObject {
    /// The target's place in its reactor's ``TimerQueue``, nil when it is not queued.
    /// Only the queue sets it: it is what lets the queue drop a target at once.
    var timerQueueIndex: Int? { get set }

    /// Called when a scheduled check time has come; returns the next time to check, or nil.
    func checkDeadline(now: UInt64) -> UInt64?
}

/// The reactor's deadlines, earliest first, checked between completions without any system call.
///
/// A binary min-heap whose targets know their own place in it, so each target is queued at
/// most once and can be taken out when it closes. That matters under connection churn: a
/// queue that kept closed connections until their deadline (a minute of keep-alive) would
/// hold every one of them, with its buffers, for that long.
///
/// A target moves its own deadline forward freely (a keep-alive connection does so on every
/// request) and is only re-queued when checked, so moving a deadline later costs nothing.
struct TimerQueue {
    private struct Entry {
        var time: UInt64
        let target: any DeadlineTarget
    }

    private var heap: [Entry] = []

    var isEmpty: Bool { heap.isEmpty }
    var earliest: UInt64? { heap.first?.time }
    /// Targets queued: one entry each, however often their deadlines moved.
    var count: Int { heap.count }

    /// Queues a check of `target` at `time`, or moves its queued check there.
    mutating func schedule(_ target: any DeadlineTarget, at time: UInt64) {
        if let index = target.timerQueueIndex {
            heap[index].time = time
            restore(at: index)
        } else {
            heap.append(Entry(time: time, target: target))
            target.timerQueueIndex = heap.count - 1
            siftUp(heap.count - 1)
        }
    }

    /// Takes `target` out of the queue, releasing the queue's reference to it.
    mutating func remove(_ target: any DeadlineTarget) {
        guard let index = target.timerQueueIndex else { return }
        target.timerQueueIndex = nil
        let last = heap.removeLast()
        guard index < heap.count else { return }
        heap[index] = last
        last.target.timerQueueIndex = index
        restore(at: index)
    }

    /// Checks every target whose time has come, re-queueing those that still wait.
    mutating func fireExpired(now: UInt64) {
        while let first = heap.first, first.time <= now {
            remove(first.target)
            if let next = first.target.checkDeadline(now: now) {
                schedule(first.target, at: next)
            }
        }
    }

    /// Puts the entry at `index` where its time belongs, after its time changed.
    private mutating func restore(at index: Int) {
        if index > 0 && heap[index].time < heap[(index - 1) / 2].time {
            siftUp(index)
        } else {
            siftDown(index)
        }
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].time < heap[parent].time else { return }
            swapEntries(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            let right = left + 1
            let earlier = right < heap.count && heap[right].time < heap[left].time ? right : left
            guard heap[earlier].time < heap[parent].time else { return }
            swapEntries(parent, earlier)
            parent = earlier
        }
    }

    private mutating func swapEntries(_ a: Int, _ b: Int) {
        heap.swapAt(a, b)
        heap[a].target.timerQueueIndex = a
        heap[b].target.timerQueueIndex = b
    }
}

/// A deadline that moves freely and is queued only when it comes earlier than the check
/// already queued: what keeps the timer heap small for targets that wait over and over.
struct MovingDeadline {
    private(set) var time: UInt64 = 0
    private var scheduledCheck: UInt64?

    /// Sets the deadline, queueing a check for `target` if none is due by then.
    mutating func set(_ time: UInt64, for target: any DeadlineTarget, on reactor: Reactor) {
        self.time = time
        if let scheduledCheck, scheduledCheck <= time { return }
        scheduledCheck = time
        reactor.schedule(target, at: time)
    }

    /// Drops the queued check, if any: `target` is done waiting for good (its socket closed).
    mutating func cancel(for target: any DeadlineTarget, on reactor: Reactor) {
        scheduledCheck = nil
        reactor.unschedule(target)
    }

    /// Called from the target's `checkDeadline`: whether the deadline has passed, and else
    /// (when still `waiting`) the time of the next check, which is then queued.
    mutating func check(now: UInt64, waiting: Bool) -> (passed: Bool, next: UInt64?) {
        scheduledCheck = nil
        guard waiting else { return (false, nil) }
        if time <= now { return (true, nil) }
        scheduledCheck = time
        return (false, time)
    }
}
