public import AsyncWeb
public import IOUring

/// An ``HTTPServer`` started on a free port of 127.0.0.1 for a test, and stopped by it.
///
/// ```swift
/// let server = try await LiveServer.start(app)
/// let client = try server.connect()
/// … 
/// try await server.stop()
/// ```
public struct LiveServer: Sendable {
    public let server: HTTPServer
    /// The port the server listens on.
    public let port: Int
    private let task: Task<Void, any Error>

    /// Starts `responder` on port 0 with `configuration` (its host and port are replaced;
    /// an ``App``'s body cap follows its `MAX_CONTENT_LENGTH`, as under `app.run()`).
    ///
    /// - Parameter io: the I/O backend, when the test runs on each one in turn; `nil` leaves
    ///   `configuration`'s choice.
    public static func start(
        _ responder: any HTTPResponder, configuration: ServerConfiguration = ServerConfiguration(), io: IOBackend? = nil
    ) async throws -> LiveServer {
        var configuration = (responder as? App)?.serverConfiguration(configuration) ?? configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        if let io { configuration.ioBackend = io }
        let (ready, readyContinuation) = AsyncStream.makeStream(of: SocketAddress.self)
        let server = HTTPServer(configuration: configuration, responder: responder) { listening in
            readyContinuation.yield(listening.address)
            readyContinuation.finish()
        }
        // A server that fails to start ends the stream, so the wait below ends with it.
        let task = Task {
            defer { readyContinuation.finish() }
            try await server.run()
        }
        var iterator = ready.makeAsyncIterator()
        guard let address = await iterator.next() else {
            try await task.value
            throw IOError(code: 0, operation: "start the test server")
        }
        return LiveServer(server: server, port: address.port, task: task)
    }

    /// Opens a raw connection to the server.
    public func connect() throws -> RawHTTPClient {
        try RawHTTPClient(port: port)
    }

    /// Shuts the server down gracefully and waits until it has stopped.
    public func stop() async throws {
        server.shutdownGracefully()
        try await task.value
    }

    /// Waits for the server to stop by itself (after ``HTTPServer/shutdownGracefully()``).
    public func waitUntilStopped() async throws {
        try await task.value
    }
}
