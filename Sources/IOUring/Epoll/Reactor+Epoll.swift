internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

/// The epoll backend's side of the reactor: the kernel says when a descriptor is ready, and
/// the reactor's targets then do the system calls themselves.
extension Reactor {
    /// Adds `target`'s descriptor to the epoll set; its events go to `target` until
    /// ``unregister(_:descriptor:)``.
    func register(_ target: EventTarget, descriptor: Int32, interest: UInt32) throws(IOError) {
        assert(isOnReactorThread)
        try epoll.add(descriptor, interest: interest, userData: CompletionTag.target(target))
        eventTargets[ObjectIdentifier(target)] = target
    }

    /// Ends `target`'s events: `descriptor`, when it stays open, leaves the epoll set. The
    /// target stays alive until the events already taken from the kernel have been handed out.
    func unregister(_ target: EventTarget, descriptor: Int32?) {
        guard let registered = eventTargets.removeValue(forKey: ObjectIdentifier(target)) else { return }
        target.isArmed = false
        if let descriptor, !isStopped.load(ordering: .relaxed) { epoll.remove(descriptor) }
        retiredTargets.append(registered)
    }

    /// Suspends the calling task until `target`'s socket can take more bytes: 0 then, or
    /// `-ECANCELED` when the task is cancelled or `watch` sees `timeout` pass.
    func waitUntilWritable(_ target: EventTarget, timeout: Duration?, watch: OperationWatch) async -> Int32 {
        let result = await suspendForOperation(timeout: timeout, watch: watch) { tag in
            target.writabilityWaiter = tag
        }
        target.writabilityWaiter = nil
        return result
    }

    /// Waits for readiness (up to `timeoutNanoseconds`; nil: no limit) and hands each event
    /// to its target.
    func pollReadiness(timeoutNanoseconds: UInt64?) {
        // Rounded up to whole milliseconds: rounding down would wake before the deadline and
        // spin on a zero timeout until it passed.
        let milliseconds = timeoutNanoseconds.map { Int32(clamping: ($0 + 999_999) / 1_000_000) } ?? -1
        let count = epoll.wait(timeoutMilliseconds: milliseconds)
        for index in 0..<count {
            let event = epoll.events[index]
            let userData = event.data.u64
            if userData == CompletionTag.wakeup {
                epoll.consumeWakeup()
                continue
            }
            let target = CompletionTag.target(of: userData)
            if event.events & EpollInstance.writableEvents != 0, let waiter = target.writabilityWaiter {
                target.writabilityWaiter = nil
                completeOperation(waiter, result: 0)
            }
            if event.events & EpollInstance.readableEvents != 0 && target.isArmed {
                target.becameReadable(events: event.events)
            }
        }
        if !retiredTargets.isEmpty { retiredTargets.removeAll(keepingCapacity: true) }
    }
}
