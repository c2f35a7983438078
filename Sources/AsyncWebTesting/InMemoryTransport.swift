public import AsyncWeb
public import IOUring
import Glibc

/// A connection in memory: the server reads `input` (as many times as asked) and what it
/// sends collects in ``output``. No socket and no kernel, so a test or a benchmark sees
/// the whole connection path (parsing, the app, the response's serialisation) alone.
///
/// ```swift
/// let connection = InMemoryTransport(reactor: reactor, input: Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
/// await HTTPServer(configuration: ServerConfiguration(), responder: app).serve(connection)
/// print(String(decoding: connection.output, as: UTF8.self))
/// ```
/// Each ``receive(timeout:)`` delivers `input` whole once more; after `repetitions` of it the
/// client is done, as if it had closed its side. Confined to `reactor`, like a socket.
public final class InMemoryTransport: HTTPTransport, @unchecked Sendable {
    public let reactor: Reactor
    public let inbound = IOBuffer(capacity: 4096)
    public var remoteAddress: SocketAddress? { nil }
    /// The bytes sent, when kept (see `keepsOutput`).
    public private(set) var output: [UInt8] = []
    /// How many bytes were sent in all.
    public private(set) var bytesSent = 0
    /// How many sends there were: the server batches the responses of pipelined requests.
    public private(set) var sendCount = 0
    /// Whether ``close()`` was called.
    public private(set) var isClosed = false

    private let input: [UInt8]
    private var deliveriesLeft: Int
    private let keepsOutput: Bool

    /// - Parameters:
    ///   - input: what the client sends; one or more requests, pipelined.
    ///   - repetitions: how many times `input` is sent before the client is done.
    ///   - keepsOutput: false counts sent bytes without keeping them (a benchmark's long run).
    public init(reactor: Reactor, input: [UInt8], repetitions: Int = 1, keepsOutput: Bool = true) {
        self.reactor = reactor
        self.input = input
        deliveriesLeft = repetitions
        self.keepsOutput = keepsOutput
    }

    public func receive(timeout: Duration?) async throws -> Bool {
        guard deliveriesLeft > 0, !isClosed else { return false }
        deliveriesLeft -= 1
        inbound.append(contentsOf: input)
        return true
    }

    public func whenReceiveReady(timeout: Duration?, _ action: @escaping @Sendable (ReceiveReadiness) -> Void) {
        let readiness: ReceiveReadiness = isClosed ? .closed : .ready
        reactor.execute { action(readiness) }
    }

    public func send(_ buffer: IOBuffer, timeout: Duration?) async throws {
        guard !isClosed else { throw IOError(code: EBADF, operation: "send") }
        if keepsOutput { output.append(contentsOf: buffer.readableBytes) }
        bytesSent += buffer.readableCount
        sendCount += 1
        buffer.consume(buffer.readableCount)
    }

    public func consume(_ count: Int) {
        inbound.consume(count)
    }

    public func close() {
        isClosed = true
    }
}
