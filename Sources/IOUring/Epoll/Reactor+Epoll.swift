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
        target.isRegistered = true
    }

    /// Ends `target`'s events: `descriptor`, when it stays open, leaves the epoll set. The
    /// target stays alive until the events already taken from the kernel have been handed out.
    func unregister(_ target: EventTarget, descriptor: Int32?) {
        guard let registered = eventTargets.removeValue(forKey: ObjectIdentifier(target)) else { return }
        target.isArmed = false
        target.isRegistered = false
        if let descriptor, !isStopped.load(ordering: .relaxed) { epoll.remove(descriptor) }
        retiredTargets.append(registered)
    }

    /// Sends `write` at the end of this loop turn, with every other send queued in it, and
    /// returns what it wrote; 0 when the socket was full and has room again (write again),
    /// `-errno` on failure, `-ECANCELED` when the task is cancelled or `watch` sees
    /// `timeout` pass. `owner` holds the bytes until then.
    ///
    /// Sends written one by one, each as its response is ready, wake the peer once per
    /// response; written in a row, as io_uring submits them, they share its wake-ups
    /// (measured: a third more plaintext requests per second).
    func sendAtEndOfTurn(_ write: DeferredWrite, owner: AnyObject, timeout: Duration?, watch: OperationWatch) async -> Int32 {
        let result = await suspendForOperation(owner: owner, timeout: timeout, watch: watch) { tag in
            var write = write
            write.tag = tag
            deferredWrites.append(write)
        }
        if let waiter = write.target.writabilityWaiter, !operations.isPending(waiter) {
            write.target.writabilityWaiter = nil
        }
        return result
    }

    /// Writes every send queued in this loop turn, in order. A full socket's send waits for
    /// writability (and then writes again); a closed one's fails.
    func flushDeferredWrites() {
        swap(&deferredWrites, &flushingWrites)
        for write in flushingWrites where operations.isPending(write.tag) {
            guard write.target.isRegistered else {
                // Closed since: its descriptor may already be another connection's.
                completeOperation(write.tag, result: -EBADF)
                continue
            }
            let written = write.perform()
            if written >= 0 {
                completeOperation(write.tag, result: Int32(written))
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                write.target.writabilityWaiter = write.tag
            } else {
                completeOperation(write.tag, result: -errno)
            }
        }
        flushingWrites.removeAll(keepingCapacity: true)
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
