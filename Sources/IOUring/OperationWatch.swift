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
    private var deadline: UInt64 = 0
    private var scheduledCheck: UInt64?

    init(reactor: Reactor) {
        self.reactor = reactor
    }

    /// Watches the operation `tag` until `deadline` (monotonic nanoseconds).
    func begin(_ tag: UInt64, deadline: UInt64) {
        self.tag = tag
        self.deadline = deadline
        if let scheduledCheck, scheduledCheck <= deadline { return }
        scheduledCheck = deadline
        reactor.schedule(self, at: deadline)
    }

    /// The operation completed: nothing to cancel.
    func end() {
        tag = nil
    }

    func checkDeadline(now: UInt64) -> UInt64? {
        scheduledCheck = nil
        guard let tag else { return nil }
        if deadline <= now {
            self.tag = nil
            reactor.cancelOperation(tag)
            return nil
        }
        scheduledCheck = deadline
        return deadline
    }
}
