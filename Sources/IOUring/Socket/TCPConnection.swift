internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

/// A connected TCP socket served by one reactor.
///
/// Received bytes collect in ``inbound``; ``receive(timeout:)`` waits for more. Sends take
/// an ``IOBuffer`` that the reactor keeps alive until the kernel is done with it: io_uring
/// submits the sends of a loop turn together; epoll writes them together at the end of it.
///
/// Confined to its reactor: use it from a task running there (the one that accepted it).
public final class TCPConnection: @unchecked Sendable {
    /// Default bytes that may wait unread before receiving pauses. 256 KiB.
    public static let defaultReceiveHighWaterMark = 256 * 1024

    public let fd: Int32
    public let reactor: Reactor
    /// Bytes received and not yet consumed by the reader.
    public let inbound: IOBuffer
    private let receiver: SocketReceiver
    /// The deadline of the send in flight (one at a time).
    private let sendWatch: OperationWatch
    private var isClosed = false

    /// Takes over an accepted socket (non-blocking on epoll), on its reactor's thread.
    ///
    /// - Throws: ``IOError`` when epoll cannot watch it (`ENOSPC`: `max_user_watches`); the
    ///   socket is closed then.
    init(fd: Int32, reactor: Reactor, receiveHighWaterMark: Int = TCPConnection.defaultReceiveHighWaterMark) throws(IOError) {
        self.fd = fd
        self.reactor = reactor
        inbound = IOBuffer(capacity: 4096)
        receiver = SocketReceiver(fd: fd, reactor: reactor, inbound: inbound, highWaterMark: receiveHighWaterMark)
        sendWatch = OperationWatch(reactor: reactor)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if reactor.backend == .epoll {
            do throws(IOError) {
                try reactor.register(receiver, descriptor: fd, interest: EpollInstance.socketEvents)
            } catch {
                isClosed = true
                Glibc.close(fd)
                throw error
            }
        }
    }

    deinit {
        if !isClosed { Glibc.close(fd) }
    }

    /// The peer's address.
    public var remoteAddress: SocketAddress? { SocketAddress.peer(of: fd) }

    /// Waits until more bytes arrive in ``inbound``: returns at once if some arrived since the
    /// previous call returned, so data that came while the caller was busy is never missed.
    ///
    /// - Returns: false when the peer closed its side and nothing more will come.
    /// - Throws: ``IOTimeoutError`` after `timeout` without data, `CancellationError`, ``IOError``.
    @discardableResult
    public func receive(timeout: Duration? = nil) async throws -> Bool {
        try await receiver.waitForData(timeout: timeout)
    }

    /// Calls `action` on the reactor once ``receive(timeout:)`` would return without waiting,
    /// with no task waiting meanwhile.
    ///
    /// This is how a server parks an idle keep-alive connection: its task ends, so the
    /// connection costs its socket and a few small objects instead of a task's stack, and
    /// `action` starts a task for it again when the client speaks.
    /// ```swift
    /// connection.whenReceiveReady(timeout: .seconds(60)) { readiness in
    ///     if readiness == .ready { Task(executorPreference: connection.reactor) { await serve(connection) } }
    /// }
    /// ```
    public func whenReceiveReady(timeout: Duration?, _ action: @escaping @Sendable (ReceiveReadiness) -> Void) {
        receiver.notifyWhenReady(timeout: timeout) { outcome in
            switch outcome {
            case .data, .end, .failed: action(.ready)
            case .timedOut: action(.timedOut)
            case .cancelled: action(.closed)
            }
        }
    }

    /// Sends every readable byte of `buffer` (consuming them), in as many sends as it takes.
    ///
    /// - Parameter timeout: per send; a peer that reads nothing for that long gets
    ///   ``IOTimeoutError``. Checked in the reactor's timer heap, at no kernel cost.
    public func send(_ buffer: IOBuffer, timeout: Duration? = nil) async throws {
        while buffer.readableCount > 0 {
            let pointer = buffer.readableBytes.baseAddress
            let count = buffer.readableCount
            let result: Int
            switch reactor.backend {
            case .ioUring:
                result = Int(await reactor.perform(owner: buffer, timeout: timeout, watch: sendWatch) { sqe in
                    io_uring_prep_send(sqe, fd, pointer, count, Int32(MSG_NOSIGNAL))
                })
                sendWatch.end()
            case .epoll:
                let write = DeferredWrite(target: receiver, fd: fd, bytes: pointer, count: count)
                result = await sendAtEndOfTurn(write, owner: buffer, timeout: timeout)
            }
            guard result > 0 else { throw Self.error(for: Int32(result), operation: "send", timeout: timeout) }
            buffer.consume(result)
        }
    }

    /// Sends the readable bytes of several buffers with `writev`, in order, consuming them.
    public func send(_ buffers: [IOBuffer], timeout: Duration? = nil) async throws {
        var pending = buffers.filter { $0.readableCount > 0 }
        while !pending.isEmpty {
            let vectors = IOVectors(pending)
            let result: Int
            switch reactor.backend {
            case .ioUring:
                result = Int(await reactor.perform(owner: vectors, timeout: timeout, watch: sendWatch) { sqe in
                    io_uring_prep_writev(sqe, fd, vectors.pointer, UInt32(vectors.count), 0)
                })
                sendWatch.end()
            case .epoll:
                let write = DeferredWrite(target: receiver, fd: fd, vectors: vectors)
                result = await sendAtEndOfTurn(write, owner: vectors, timeout: timeout)
            }
            guard result > 0 else { throw Self.error(for: Int32(result), operation: "writev", timeout: timeout) }
            var sent = result
            while sent > 0, let first = pending.first {
                let taken = min(sent, first.readableCount)
                first.consume(taken)
                sent -= taken
                if first.readableCount == 0 { pending.removeFirst() }
            }
        }
    }

    /// epoll: queues `write` for the end of the loop turn, and while the socket is full,
    /// waits until it has room and queues it again. Returns what it wrote, or `-errno`.
    private func sendAtEndOfTurn(_ write: DeferredWrite, owner: AnyObject, timeout: Duration?) async -> Int {
        while true {
            let result = await reactor.sendAtEndOfTurn(write, owner: owner, timeout: timeout, watch: sendWatch)
            sendWatch.end()
            if result != 0 { return Int(result) }
        }
    }

    /// Consumes `count` bytes of ``inbound``.
    @inline(__always)
    public func consume(_ count: Int) {
        inbound.consume(count)
    }

    /// Ends the sending side (the peer reads end of stream) while still receiving.
    public func shutdownWrite() {
        switch reactor.backend {
        case .ioUring: reactor.submitDetached { sqe in io_uring_prep_shutdown(sqe, fd, Int32(SHUT_WR)) }
        case .epoll: _ = Glibc.shutdown(fd, Int32(SHUT_WR))
        }
    }

    /// Stops receiving and closes the socket (through the ring on io_uring). Idempotent.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        receiver.close()
        sendWatch.close()
        if reactor.backend == .epoll || reactor.isStopped.load(ordering: .relaxed) {
            Glibc.close(fd)
        } else {
            reactor.submitDetached { sqe in io_uring_prep_close(sqe, fd) }
        }
    }

    private static func error(for result: Int32, operation: String, timeout: Duration?) -> any Error {
        if result == -ECANCELED {
            if Task.isCancelled { return CancellationError() }
            if timeout != nil { return IOTimeoutError() }
        }
        return IOError(result: result == 0 ? -EPIPE : result, operation: operation)
    }
}

/// The `iovec` array of a `writev`, owning it and the buffers it points into until completion.
final class IOVectors {
    let pointer: UnsafeMutablePointer<iovec>
    let count: Int
    private let buffers: [IOBuffer]

    init(_ buffers: [IOBuffer]) {
        self.buffers = buffers
        count = buffers.count
        pointer = .allocate(capacity: count)
        for (index, buffer) in buffers.enumerated() {
            pointer[index] = iovec(
                iov_base: UnsafeMutableRawPointer(mutating: buffer.readableBytes.baseAddress),
                iov_len: buffer.readableCount)
        }
    }

    deinit { pointer.deallocate() }
}

/// What ended a ``TCPConnection/whenReceiveReady(timeout:_:)`` wait.
public enum ReceiveReadiness: Sendable {
    /// ``TCPConnection/receive(timeout:)`` returns at once: bytes arrived, the peer closed
    /// its side, or receiving failed.
    case ready
    /// The timeout passed first.
    case timedOut
    /// The connection was closed on this side.
    case closed
}
