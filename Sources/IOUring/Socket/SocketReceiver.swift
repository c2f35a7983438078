internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

/// The receiving side of one connection: appends arriving bytes to the connection's inbound
/// buffer as they come, and wakes the reader.
///
/// On io_uring a multishot receive fills provided buffers, which are copied and handed
/// straight back. On epoll the socket is read when it turns ready, into the reactor's one
/// receive buffer, then copied the same way; a short read means the socket is drained, and
/// the next bytes to come raise a new edge.
///
/// Backpressure: once `highWaterMark` bytes wait unread, receiving pauses (the multishot
/// receive is cancelled; readiness is left unread) and only resumes when the reader asks for
/// more, so a peer can never make the server hold more than about that much per connection.
///
/// On epoll it is also what the socket is registered with, so it carries a send's wait for
/// writability too (``EventTarget/writabilityWaiter``).
final class SocketReceiver: EventTarget, DeadlineTarget, @unchecked Sendable {
    let fd: Int32
    unowned let reactor: Reactor
    let inbound: IOBuffer
    let highWaterMark: Int

    private(set) var reachedEnd = false
    /// Bytes arrived since the last wait returned: the next wait must not sleep, or data
    /// that came in while the reader was busy (sending, say) would go unnoticed.
    private var arrivedSinceLastWait = false
    private var failure: IOError?
    private var isClosed = false
    private var waiter: Waiter?
    private var deadline = MovingDeadline()
    var timerQueueIndex: Int?

    enum WaitOutcome { case data, end, failed, timedOut, cancelled }

    /// Who is told when a wait ends: a suspended task, or (for a parked connection, which
    /// has no task) an action run on the reactor.
    private enum Waiter {
        case task(UnsafeContinuation<WaitOutcome, Never>)
        case action(@Sendable (WaitOutcome) -> Void)
    }

    init(fd: Int32, reactor: Reactor, inbound: IOBuffer, highWaterMark: Int) {
        self.fd = fd
        self.reactor = reactor
        self.inbound = inbound
        self.highWaterMark = highWaterMark
    }

    /// Waits until bytes were appended to `inbound` since the previous wait; false at the end
    /// of the stream.
    func waitForData(timeout: Duration?) async throws -> Bool {
        if Task.isCancelled { throw CancellationError() }
        if !isArmed && !reachedEnd && failure == nil && !isClosed { arm() }
        if let timeout { deadline.set(MonotonicClock.deadline(after: timeout), for: self, on: reactor) }
        let outcome = await withTaskCancellationHandler {
            await withUnsafeContinuation { continuation in
                // Decided here, where no completion can slip in: the task may have been
                // suspended since the checks above, and data that came meanwhile found no waiter.
                if let outcome = readyOutcome() {
                    continuation.resume(returning: outcome)
                } else {
                    waiter = .task(continuation)
                }
            }
        } onCancel: { [reactor] in
            reactor.execute { [self] in resume(.cancelled) }
        }
        // Whatever came before this point is in `inbound` for the caller to see.
        if outcome == .data { arrivedSinceLastWait = false }
        switch outcome {
        case .data: return true
        case .end: return false
        case .failed: throw failure!
        case .timedOut: throw IOTimeoutError()
        case .cancelled: throw CancellationError()
        }
    }

    /// Runs `action` on the reactor once a wait would end (data, the end, a failure, the
    /// timeout, or closing), with no task waiting meanwhile. The data stays unconsumed, so
    /// the next ``waitForData(timeout:)`` returns it at once.
    func notifyWhenReady(timeout: Duration?, _ action: @escaping @Sendable (WaitOutcome) -> Void) {
        if !isArmed && !reachedEnd && failure == nil && !isClosed { arm() }
        if let outcome = readyOutcome() {
            reactor.execute { action(outcome) }
            return
        }
        if let timeout { deadline.set(MonotonicClock.deadline(after: timeout), for: self, on: reactor) }
        waiter = .action(action)
    }

    /// What a wait returns without sleeping, if anything: new data first, then the end or a failure.
    private func readyOutcome() -> WaitOutcome? {
        if arrivedSinceLastWait { return .data }
        if failure != nil { return .failed }
        if reachedEnd { return .end }
        if isClosed { return .cancelled }
        return nil
    }

    /// Stops receiving for good; late completions are dropped. The socket is closed next.
    func close() {
        isClosed = true
        deadline.cancel(for: self, on: reactor)
        switch reactor.backend {
        case .ioUring:
            reactor.disarm(self)
        case .epoll:
            reactor.unregister(self, descriptor: nil)
            // No readiness will come for the closed socket: a send still waiting fails now.
            if let waiter = writabilityWaiter {
                writabilityWaiter = nil
                reactor.completeOperation(waiter, result: -EBADF)
            }
        }
        resume(.cancelled)
    }

    /// Starts receiving, or resumes after a backpressure pause.
    private func arm() {
        switch reactor.backend {
        case .ioUring:
            reactor.arm(self) { sqe in
                io_uring_prep_recv_multishot(sqe, fd, nil, 0, 0)
                sqe.pointee.flags |= CLibURing_IOSQE_BUFFER_SELECT
                sqe.pointee.buf_group = reactor.receiveBuffers.groupID
            }
        case .epoll:
            isArmed = true
            // Edges that came while paused (or before the first wait) were left unread.
            receiveAvailable(untilDrained: true)
        }
    }

    /// io_uring: one completion of the multishot receive.
    override func complete(result: Int32, flags: UInt32, more: Bool) {
        if flags & IORING_CQE_F_BUFFER != 0 {
            let id = UInt16(truncatingIfNeeded: flags >> UInt32(IORING_CQE_BUFFER_SHIFT))
            if result > 0 && !isClosed {
                inbound.append(reactor.receiveBuffers.bytes(id: id, length: Int(result)))
            }
            reactor.receiveBuffers.recycle(id: id)
        }
        guard !isClosed else { return }
        if result > 0 {
            arrivedSinceLastWait = true
            if inbound.readableCount >= highWaterMark && more { reactor.disarm(self) }
            resume(.data)
        } else if result == 0 {
            reachedEnd = true
            resume(.end)
        } else if result == -ENOBUFS || result == -ECANCELED {
            // Out of provided buffers, or paused for backpressure: arm again if someone waits.
            if !more && waiter != nil { arm() }
        } else {
            failure = IOError(result: result, operation: "recv")
            resume(.failed)
        }
    }

    /// epoll: the socket turned readable, or its peer hung up.
    override func becameReadable(events: UInt32) {
        guard !isClosed else { return }
        // After a hang-up no further edge comes, so a short read cannot be trusted to mean
        // the end was seen: read on until the socket says so.
        let hungUp = events & (EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0
        receiveAvailable(untilDrained: hungUp)
    }

    /// epoll: reads what the socket holds, up to the high-water mark, and wakes the reader.
    /// Without `untilDrained`, a read shorter than the buffer ends it: the socket is empty,
    /// and more bytes will raise a new edge.
    private func receiveAvailable(untilDrained: Bool) {
        let buffer = reactor.epoll.receiveBuffer
        var arrived = false
        while isArmed {
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count > 0 {
                inbound.append(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                arrived = true
                if inbound.readableCount >= highWaterMark { isArmed = false }
                if count < buffer.count && !untilDrained { break }
            } else if count == 0 {
                reachedEnd = true
                break
            } else {
                let code = errno
                if code == EINTR { continue }
                if code != EAGAIN && code != EWOULDBLOCK { failure = IOError(code: code, operation: "recv") }
                break
            }
        }
        if arrived {
            arrivedSinceLastWait = true
            resume(.data)
        } else if reachedEnd {
            resume(.end)
        } else if failure != nil {
            resume(.failed)
        }
    }

    private func resume(_ outcome: WaitOutcome) {
        guard let waiter else { return }
        self.waiter = nil
        switch waiter {
        case .task(let continuation):
            continuation.resume(returning: outcome)
        case .action(let action):
            // Run after the completion being handled, never inside it: the action may close
            // this very receiver or start a task.
            reactor.execute { action(outcome) }
        }
    }

    func checkDeadline(now: UInt64) -> UInt64? {
        let (passed, next) = deadline.check(now: now, waiting: waiter != nil)
        if passed { resume(.timedOut) }
        return next
    }
}
