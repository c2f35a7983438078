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
