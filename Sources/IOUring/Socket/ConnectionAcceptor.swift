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
/// ``stop()`` (from any thread) ends the multishot accept; `next()` then returns nil.
public final class ConnectionAcceptor: Sendable {
    public let reactor: Reactor
    private let queue: AcceptQueue

    public init(listening: ListeningSocket, reactor: Reactor) {
        self.reactor = reactor
        queue = AcceptQueue(listening: listening, reactor: reactor)
    }

    /// The next accepted connection, or nil once stopped.
    ///
    /// - Throws: ``IOError`` when accepting failed (`EMFILE` when out of descriptors); the
    ///   acceptor stays usable, so a server logs, pauses and calls again.
    public func next() async throws -> TCPConnection? {
        try await queue.next()
    }

    /// Stops accepting; a pending ``next()`` returns nil. Callable from any thread.
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

    func next() async throws -> TCPConnection? {
        while true {
            if isStopped {
                closeBacklog()
                return nil
            }
            if let fd = accepted.popFirst() {
                return try TCPConnection(fd: fd, reactor: reactor)
            }
            if let failure {
                self.failure = nil
                throw failure
            }
            if !isArmed { arm() }
            if !accepted.isEmpty || failure != nil { continue }
            await withTaskCancellationHandler {
                await withUnsafeContinuation { continuation in
                    // Checked here, where no completion can slip in between check and wait.
                    if isStopped || !accepted.isEmpty || failure != nil {
                        continuation.resume()
                    } else {
                        waiter = continuation
                    }
                }
            } onCancel: {
                self.stop()
            }
        }
    }

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

    /// epoll: the listening socket has connections waiting.
    override func becameReadable(events: UInt32) {
        acceptAvailable()
        resumeWaiter()
    }

    /// epoll: accepts until the backlog is empty. A failure (`EMFILE`, say) pauses
    /// accepting until the next ``next()``, which tries again.
    private func acceptAvailable() {
        while true {
            let fd = CLibURing_acceptNonBlocking(listening.fd)
            if fd >= 0 {
                if isStopped { close(fd) } else { accepted.append(fd) }
                continue
            }
            let code = errno
            // The peer gave up between the handshake and accept: on to the next one.
            if code == EINTR || code == ECONNABORTED { continue }
            if code != EAGAIN && code != EWOULDBLOCK {
                failure = IOError(code: code, operation: "accept")
                isArmed = false
            }
            return
        }
    }

    /// io_uring: one completion of the multishot accept.
    override func complete(result: Int32, flags: UInt32, more: Bool) {
        if result >= 0 {
            if isStopped { close(result) } else { accepted.append(result) }
        } else if result != -ECANCELED {
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
