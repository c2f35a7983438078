import AsyncWeb
import AsyncWebTesting
import IOUring
import Testing

@Suite("HTTP server: graceful shutdown")
struct ShutdownTests {
    @Test(arguments: IOBackend.allCases)
    func inFlightSlowRequestFinishesDuringShutdown(io: IOBackend) async throws {
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        // The handler goes on only once shutdown has begun: this task may be slow to get there
        // (a loaded machine, ThreadSanitizer), and a request finished before it proves nothing.
        let (shutdownBegan, shutdownBeganContinuation) = AsyncStream.makeStream(of: Void.self)
        let server = try await LiveServer.start(ClosureResponder { _ in
            startedContinuation.yield()
            for await _ in shutdownBegan { break }
            try await Task.sleep(for: .milliseconds(400))
            return Response(body: "finished")
        }, io: io)
        let port = server.port
        async let reply = onThread { () -> (String?, String?) in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /slow HTTP/1.1\r\nHost: test\r\n\r\n")
            let response = try client.readResponse()
            return (response?.text, response?.header("Connection"))
        }
        var iterator = started.makeAsyncIterator()
        await iterator.next()
        server.server.shutdownGracefully()
        shutdownBeganContinuation.yield()
        let (text, connection) = try await reply
        #expect(text == "finished")
        #expect(connection == "close")
        try await server.waitUntilStopped()
        #expect(throws: (any Error).self) { _ = try RawHTTPClient(port: port) }
    }

    /// Both while the connection still has its task and once it has parked without one.
    @Test(arguments: IOBackend.allCases, [false, true])
    func idleConnectionsAreClosedAtShutdown(io: IOBackend, parked: Bool) async throws {
        var configuration = ServerConfiguration()
        configuration.shutdownGracePeriod = .seconds(120)
        configuration.parkIdleConnectionAfter = parked ? .milliseconds(10) : .seconds(30)
        let server = try await LiveServer.start(echoResponder, configuration: configuration, io: io)
        let port = server.port
        let client = try await onThread { () -> RawHTTPClient in
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
            _ = try client.readResponse()
            return client
        }
        if parked { try await Task.sleep(for: .milliseconds(100)) }
        let clock = ContinuousClock()
        let start = clock.now
        try await server.stop()
        // Far below the grace period: the idle connection was closed, not waited for.
        #expect(clock.now - start < .seconds(60))
        let closed = try await onThread { client.isClosedByServer() }
        #expect(closed)
    }

    @Test(arguments: IOBackend.allCases)
    func requestsOutlivingTheGracePeriodAreCancelled(io: IOBackend) async throws {
        var configuration = ServerConfiguration()
        configuration.shutdownGracePeriod = .milliseconds(200)
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let server = try await LiveServer.start(ClosureResponder { _ in
            startedContinuation.yield()
            try await Task.sleep(for: .seconds(600))
            return Response(body: "too late")
        }, configuration: configuration, io: io)
        let port = server.port
        async let reply = onThread { () -> Int? in
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
            return try client.readResponse()?.status
        }
        var iterator = started.makeAsyncIterator()
        await iterator.next()
        let clock = ContinuousClock()
        let start = clock.now
        try await server.stop()
        #expect(clock.now - start < .seconds(60))
        #expect(try await reply != 200)
    }
}
