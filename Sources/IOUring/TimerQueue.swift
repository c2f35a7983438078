internal import HeapModule

/// Something with a deadline that the reactor checks when its time comes.
protocol DeadlineTarget: AnyObject {
    /// Called when a scheduled check time has come; returns the next time to check, or nil.
    func checkDeadline(now: UInt64) -> UInt64?
}

/// The reactor's deadlines, earliest first, checked between completions without any system call.
///
/// A target keeps at most a few entries here: it moves its own deadline forward freely
/// (a keep-alive connection does so on every request) and is only re-queued when checked,
/// so the queue stays as small as the number of waiting targets.
struct TimerQueue {
    private struct Entry: Comparable {
        let time: UInt64
        let target: any DeadlineTarget
        static func < (lhs: Entry, rhs: Entry) -> Bool { lhs.time < rhs.time }
        static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.time == rhs.time && lhs.target === rhs.target }
    }

    private var heap = Heap<Entry>()

    var isEmpty: Bool { heap.isEmpty }
    var earliest: UInt64? { heap.min?.time }

    mutating func schedule(_ target: any DeadlineTarget, at time: UInt64) {
        heap.insert(Entry(time: time, target: target))
    }

    /// Checks every target whose time has come, re-queueing those that still wait.
    mutating func fireExpired(now: UInt64) {
        while let first = heap.min, first.time <= now {
            _ = heap.popMin()
            if let next = first.target.checkDeadline(now: now) {
                heap.insert(Entry(time: next, target: first.target))
            }
        }
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
