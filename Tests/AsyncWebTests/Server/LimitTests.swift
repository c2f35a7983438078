import AsyncWeb
import AsyncWebTesting
import IOUring
import Testing

@Suite("HTTP server: limits and timeouts")
struct LimitTests {
    /// Sends `request` on a new connection; returns the status and whether the server then closed.
    private func statusAndClose(
        _ request: String, configuration: ServerConfiguration = ServerConfiguration(), io: IOBackend
    ) async throws -> (Int?, Bool) {
        let server = try await LiveServer.start(echoResponder, configuration: configuration, io: io)
        let port = server.port
        let result = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send(request)
            let response = try client.readResponse()
            return (response?.status, client.isClosedByServer())
        }
        try await server.stop()
        return result
    }

    @Test(arguments: IOBackend.allCases)
    func malformedRequestGets400AndClose(io: IOBackend) async throws {
        let (status, closed) = try await statusAndClose("GET / HTTP/1.1\nHost: test\n\n", io: io)
        #expect(status == 400)
        #expect(closed)
    }

    @Test(arguments: IOBackend.allCases)
    func longRequestLineGets414(io: IOBackend) async throws {
        var configuration = ServerConfiguration()
        configuration.maxRequestLineLength = 1024
        let (status, closed) = try await statusAndClose(
            "GET /\(String(repeating: "a", count: 2000)) HTTP/1.1\r\nHost: test\r\n\r\n", configuration: configuration, io: io)
        #expect(status == 414)
        #expect(closed)
    }

    @Test(arguments: IOBackend.allCases)
    func tooManyHeaderBytesGet431(io: IOBackend) async throws {
        var configuration = ServerConfiguration()
        configuration.maxHeaderBytes = 2048
        let (status, _) = try await statusAndClose(
            "GET / HTTP/1.1\r\nHost: test\r\nX-Big: \(String(repeating: "b", count: 4000))\r\n\r\n",
            configuration: configuration, io: io)
        #expect(status == 431)
    }

    @Test(arguments: IOBackend.allCases)
    func tooManyHeaderFieldsGet431(io: IOBackend) async throws {
        var configuration = ServerConfiguration()
        configuration.maxHeaderCount = 10
        let fields = (0..<20).map { "X-Field-\($0): v\r\n" }.joined()
        let (status, _) = try await statusAndClose("GET / HTTP/1.1\r\nHost: test\r\n\(fields)\r\n", configuration: configuration, io: io)
        #expect(status == 431)
    }

    @Test(arguments: IOBackend.allCases)
    func declaredBodyOverTheLimitGets413WithoutReadingIt(io: IOBackend) async throws {
        var configuration = ServerConfiguration()
        configuration.maxBodySize = 1000
        // Only the head is sent: the answer must not wait for the body.
        let (status, closed) = try await statusAndClose(
            "POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 5000\r\n\r\n", configuration: configuration, io: io)
        #expect(status == 413)
        #expect(closed)
    }

    /// A refusal of a HEAD request is a head alone, as every answer to HEAD: one whose head
    /// parsed (a declared body over the limit) and one whose head did not (a bad framing).
    @Test(arguments: IOBackend.allCases)
    func refusedHeadRequestsGetNoBody(io: IOBackend) async throws {
        var configuration = ServerConfiguration()
        configuration.maxBodySize = 1000
        let server = try await LiveServer.start(echoResponder, configuration: configuration, io: io)
        let port = server.port
        for (request, status) in [
            ("HEAD / HTTP/1.1\r\nHost: test\r\nContent-Length: 5000\r\n\r\n", "413"),
            ("\r\nHEAD / HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: gzip\r\n\r\n", "400"),
        ] {
            let answer = try await onThread {
                let client = try RawHTTPClient(port: port)
                try client.send(request)
                return String(decoding: try client.readUntilClosed(), as: UTF8.self)
            }
            #expect(answer.hasPrefix("HTTP/1.1 \(status) "), "\(answer)")
            #expect(answer.contains("\r\nContent-Length: "), "the length the page would have")
            #expect(answer.hasSuffix("\r\n\r\n"), "nothing after the head: \(answer)")
        }
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func chunkedBodyOverTheLimitGets413(io: IOBackend) async throws {
        var configuration = ServerConfiguration()
        configuration.maxBodySize = 1000
        let chunk = String(repeating: "z", count: 800)
        let (status, closed) = try await statusAndClose(
            "POST / HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n320\r\n\(chunk)\r\n320\r\n\(chunk)\r\n0\r\n\r\n",
            configuration: configuration, io: io)
        #expect(status == 413)
        #expect(closed)
    }

    @Test(arguments: IOBackend.allCases)
    func slowHeaderGets408AndClose(io: IOBackend) async throws {
        var configuration = ServerConfiguration()
        configuration.headerReadTimeout = .milliseconds(300)
        let (status, closed) = try await statusAndClose("GET / HTTP/1.1\r\nHost: te", configuration: configuration, io: io)
        #expect(status == 408)
        #expect(closed)
    }

    @Test(arguments: IOBackend.allCases)
    func aBodyThatStopsArrivingGives408InsideAnApp(io: IOBackend) async throws {
        var configuration = ServerConfiguration()
        configuration.bodyReadTimeout = .milliseconds(200)
        let app = App("test")
        app.post("/upload") { request in "\(try await request.data().count)" }
        let server = try await LiveServer.start(app, configuration: configuration, io: io)
        let port = server.port
        let status = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nab")
            return try client.readResponse()?.status
        }
        #expect(status == 408)
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func idleKeepAliveConnectionIsClosedQuietly(io: IOBackend) async throws {
        var configuration = ServerConfiguration()
        configuration.idleTimeout = .milliseconds(200)
        let server = try await LiveServer.start(echoResponder, configuration: configuration, io: io)
        let port = server.port
        let (first, rest) = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
            return (try client.readResponse()?.status, try client.readUntilClosed())
        }
        #expect(first == 200)
        #expect(rest.isEmpty)
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func connectionsOverThePerReactorLimitGet503(io: IOBackend) async throws {
        var configuration = ServerConfiguration()
        configuration.reactorCount = 1
        configuration.maxConnectionsPerReactor = 2
        let server = try await LiveServer.start(echoResponder, configuration: configuration, io: io)
        let port = server.port
        let status = try await onThread {
            let held = try (0..<2).map { _ in try RawHTTPClient(port: port) }
            for client in held {
                try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
                _ = try client.readResponse()
            }
            let extra = try RawHTTPClient(port: port)
            return try extra.readResponse()?.status
        }
        #expect(status == 503)
        try await server.stop()
    }
}
