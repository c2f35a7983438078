/// A deadline for one operation at a time, checked in the reactor's timer heap rather than
/// with a kernel linked timeout.
///
/// A linked timeout arms and cancels a kernel timer and posts an extra completion for every
/// operation, which measured at 1.5–2 µs per response for a server's sends. A connection
/// keeps one watch for all its sends instead: starting a send only moves the deadline, and
/// the heap holds at most a few entries per connection. When the deadline passes with the
/// operation still in flight, the watch cancels it, and it ends with `-ECANCELED`.
final class OperationWatch: DeadlineTarget {
    private unowned let reactor: Reactor
    private var tag: UInt64?
    private var deadline = MovingDeadline()
    var timerQueueIndex: Int?

    init(reactor: Reactor) {
        self.reactor = reactor
    }

    /// Watches the operation `tag` until `deadline` (monotonic nanoseconds).
    func begin(_ tag: UInt64, deadline: UInt64) {
        self.tag = tag
        self.deadline.set(deadline, for: self, on: reactor)
    }

    /// The operation completed: nothing to cancel.
    func end() {
        tag = nil
    }

    /// Leaves the timer queue for good (the connection closed).
    func close() {
        tag = nil
        deadline.cancel(for: self, on: reactor)
    }

    func checkDeadline(now: UInt64) -> UInt64? {
        let (passed, next) = deadline.check(now: now, waiting: tag != nil)
        if passed, let tag {
            self.tag = nil
            reactor.cancelOperation(tag)
        }
        return next
    }
}
