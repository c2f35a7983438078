internal import CLibURing
internal import DequeModule
#if canImport(Glibc)
import Glibc
#endif

/// New connections on a listening socket: from one multishot accept in a reactor's ring, or
/// accepted when epoll says the socket is ready.
///
/// Create it, and call ``next()``, from a task running on `reactor`:
/// ```swift
/// let acceptor = ConnectionAcceptor(listening: socket, reactor: reactor)
/// while let connection = try await acceptor.next() { … }
/// ```
/// ``stop()`` (from any thread) ends the multishot accept; `next()` then hands out the
/// connections already accepted, and returns nil.
public final class ConnectionAcceptor: Sendable {
    public let reactor: Reactor
    private let queue: AcceptQueue

    public init(listening: ListeningSocket, reactor: Reactor) {
        self.reactor = reactor
        queue = AcceptQueue(listening: listening, reactor: reactor)
    }

    /// The next accepted connection, or nil once stopped and every connection accepted
    /// before has been handed out.
    ///
    /// - Throws: ``IOError`` when accepting failed (`EMFILE` when out of descriptors); the
    ///   acceptor stays usable, so a server logs, pauses and calls again.
    public func next() async throws -> TCPConnection? {
        try await queue.next()
    }

    /// Stops accepting; ``next()`` returns the connections accepted before, then nil.
    /// Callable from any thread.
    ///
    /// Connections still waiting in the socket's queue stay there, for whoever else listens
    /// on it (another process sharing an inherited socket, say); those this process took
    /// from the kernel are its own to answer, since closing them would refuse their clients.
    public func stop() {
        queue.stop()
    }
}

/// The reactor-side state of a ``ConnectionAcceptor``: accepted descriptors and the waiting task.
final class AcceptQueue: EventTarget, @unchecked Sendable {
    let reactor: Reactor
    private let listening: ListeningSocket
    private var accepted = Deque<Int32>()
    private var failure: IOError?
    private var isStopped = false
    private var waiter: UnsafeContinuation<Void, Never>?

    init(listening: ListeningSocket, reactor: Reactor) {
        self.listening = listening
        self.reactor = reactor
    }

    deinit { closeBacklog() }

    // Decided in the synchronous nextStep() and awaited in waitForActivity(), neither inlined:
    // with either inlined into this loop, Swift 6.3.1's release build crashes splitting the
    // coroutine (signal 11 in LLVM's coro-split).
    func next() async throws -> TCPConnection? {
        while true {
            switch nextStep() {
            case .connection(let fd): return try TCPConnection(fd: fd, reactor: reactor)
            case .end: return nil
            case .failed(let failure): throw failure
            case .wait: await waitForActivity()
            }
        }
    }

    private enum Step {
        case connection(Int32)
        case end
        case failed(IOError)
        case wait
    }

    /// What `next()` does now: hand out a connection accepted before, end once stopped and
    /// drained, report a failure, or wait.
    @inline(never)
    private func nextStep() -> Step {
        if let fd = accepted.popFirst() { return .connection(fd) }
        // Stopped, io_uring's multishot accept may still deliver until its last completion.
        if isFinished { return .end }
        if isStopped { return .wait }
        if let failure {
            self.failure = nil
            return .failed(failure)
        }
        if !isArmed { arm() }
        // epoll accepts at once when armed.
        if let fd = accepted.popFirst() { return .connection(fd) }
        if let failure {
            self.failure = nil
            return .failed(failure)
        }
        return .wait
    }

    /// Suspends until a connection, a failure or the end arrives.
    @inline(never)
    private func waitForActivity() async {
        await withTaskCancellationHandler {
            await withUnsafeContinuation { continuation in
                // Checked here, where no completion can slip in between check and wait.
                if isFinished || !accepted.isEmpty || failure != nil {
                    continuation.resume()
                } else {
                    waiter = continuation
                }
            }
        } onCancel: {
            self.stop()
        }
    }

    /// Stopped, and no accept left in the kernel that could still deliver a connection.
    private var isFinished: Bool { isStopped && !isArmed }

    func stop() {
        reactor.execute { [self] in
            isStopped = true
            switch reactor.backend {
            case .ioUring: reactor.disarm(self)
            case .epoll: reactor.unregister(self, descriptor: listening.fd)
            }
            resumeWaiter()
        }
    }

    private func arm() {
        switch reactor.backend {
        case .ioUring:
            reactor.arm(self) { sqe in
                io_uring_prep_multishot_accept(sqe, listening.fd, nil, nil, Int32(SOCK_CLOEXEC.rawValue))
            }
        case .epoll:
            if !isRegistered {
                do throws(IOError) {
                    try listening.makeNonBlocking()
                    try reactor.register(self, descriptor: listening.fd, interest: EpollInstance.listeningEvents)
                } catch {
                    failure = error
                    return
                }
            }
            isArmed = true
            // Connections that came before the registration, or while a failure paused
            // accepting, raised no edge that is still to come.
            acceptAvailable()
        }
    }

    /// epoll: the listening socket has connections waiting. Events taken from the kernel
    /// before a stop or a failure are left alone: accepting is paused.
    override func becameReadable(events: UInt32) {
        guard isArmed else { return }
        acceptAvailable()
        resumeWaiter()
    }

    /// epoll: accepts until the backlog is empty. A failure (`EMFILE`, say) pauses
    /// accepting until the next ``next()``, which tries again.
    private func acceptAvailable() {
        while true {
            let fd = CLibURing_acceptNonBlocking(listening.fd)
            if fd >= 0 {
                accepted.append(fd)
                continue
            }
            let code = errno
            // EAGAIN: the queue is empty, or another reactor sharing the socket took the
            // connection this one was woken for. ECONNABORTED: the peer gave up between the
            // handshake and accept. Either way, nothing is wrong.
            if code == EINTR || code == ECONNABORTED { continue }
            if code != EAGAIN && code != EWOULDBLOCK {
                failure = IOError(code: code, operation: "accept")
                isArmed = false
            }
            return
        }
    }

    /// io_uring: one completion of the multishot accept. The kernel retries by itself when
    /// another ring sharing the socket took the connection; should `EAGAIN` come through all
    /// the same, the next ``next()`` arms the accept again, as after any last completion.
    override func complete(result: Int32, flags: UInt32, more: Bool) {
        if result >= 0 {
            accepted.append(result)
        } else if result != -ECANCELED && result != -EAGAIN && !isStopped {
            failure = IOError(result: result, operation: "accept")
        }
        resumeWaiter()
    }

    private func resumeWaiter() {
        if let waiter {
            self.waiter = nil
            waiter.resume()
        }
    }

    private func closeBacklog() {
        while let fd = accepted.popFirst() { close(fd) }
    }
}
