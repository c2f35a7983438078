import AsyncWeb
import AsyncWebTesting
import IOUring
import Testing

@Suite("HTTP server: connections")
struct ConnectionTests {
    @Test(arguments: IOBackend.allCases)
    func keepAliveServesSeveralRequestsOnOneConnection(io: IOBackend) async throws {
        let server = try await LiveServer.start(echoResponder, io: io)
        let port = server.port
        let targets = try await onThread {
            let client = try RawHTTPClient(port: port)
            return try (1...5).map { index in
                try client.send("GET /\(index) HTTP/1.1\r\nHost: test\r\n\r\n")
                return try client.readResponse()?.header("X-Target")
            }
        }
        #expect(targets == ["/1", "/2", "/3", "/4", "/5"])
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func twoThousandBackToBackRequestsAreAllAnswered(io: IOBackend) async throws {
        let server = try await LiveServer.start(echoResponder, io: io)
        let port = server.port
        let answered = try await onThread {
            let client = try RawHTTPClient(port: port, timeout: 2)
            var answered = 0
            for _ in 0..<2000 {
                try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
                guard (try? client.readResponse())??.status == 200 else { break }
                answered += 1
            }
            return answered
        }
        #expect(answered == 2000)
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func sixteenPipelinedRequestsAreAnsweredInOrder(io: IOBackend) async throws {
        let server = try await LiveServer.start(echoResponder, io: io)
        let port = server.port
        let targets = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send((1...16).map { "GET /\($0) HTTP/1.1\r\nHost: test\r\n\r\n" }.joined())
            return try (1...16).map { _ in try client.readResponse()?.header("X-Target") }
        }
        #expect(targets == (1...16).map { "/\($0)" })
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func http10ClosesAfterTheResponse(io: IOBackend) async throws {
        let server = try await LiveServer.start(echoResponder, io: io)
        let port = server.port
        let (status, closed) = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.0\r\n\r\n")
            let response = try client.readResponse()
            return (response?.status, client.isClosedByServer())
        }
        #expect(status == 200)
        #expect(closed)
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func http10KeepAliveIsHonoured(io: IOBackend) async throws {
        let server = try await LiveServer.start(echoResponder, io: io)
        let port = server.port
        let (connection, second) = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = try client.readResponse()
            try client.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            return (first?.header("Connection"), try client.readResponse()?.header("X-Target"))
        }
        #expect(connection == "keep-alive")
        #expect(second == "/b")
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func connectionCloseIsHonoured(io: IOBackend) async throws {
        let server = try await LiveServer.start(echoResponder, io: io)
        let port = server.port
        let (header, closed) = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            return (try client.readResponse()?.header("Connection"), client.isClosedByServer())
        }
        #expect(header == "close")
        #expect(closed)
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func handlersRunOnTheirConnectionsReactorThread(io: IOBackend) async throws {
        let server = try await LiveServer.start(ClosureResponder { _ in
            let before = Reactor.current
            try await Task.sleep(for: .milliseconds(1))  // resumes from the global pool's timer
            let after = Reactor.current
            let same = before != nil && before === after && after!.isOnReactorThread
            return Response(body: ResponseBody(string: same ? "reactor" : "elsewhere"))
        }, io: io)
        let port = server.port
        let answers = try await onThread {
            try (0..<4).map { _ in
                let client = try RawHTTPClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
                return try client.readResponse()?.text
            }
        }
        #expect(answers == Array(repeating: "reactor", count: 4))
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func headResponsesCarryLengthButNoBody(io: IOBackend) async throws {
        let server = try await LiveServer.start(ClosureResponder { _ in Response(body: "twelve bytes") }, io: io)
        let port = server.port
        let (length, next) = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("HEAD / HTTP/1.1\r\nHost: test\r\n\r\nGET / HTTP/1.1\r\nHost: test\r\n\r\n")
            let head = try client.readResponse(forHead: true)
            return (head?.header("Content-Length"), try client.readResponse()?.text)
        }
        #expect(length == "12")
        #expect(next == "twelve bytes")
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func aThrowingHandlerGets500AndTheServerGoesOn(io: IOBackend) async throws {
        struct Broken: Error {}
        let server = try await LiveServer.start(ClosureResponder { request in
            if request.rawPath == "/boom" { throw Broken() }
            return Response(body: "fine")
        }, io: io)
        let port = server.port
        let (failed, after) = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET /boom HTTP/1.1\r\nHost: test\r\n\r\n")
            let failed = try client.readResponse()
            try client.send("GET /ok HTTP/1.1\r\nHost: test\r\n\r\n")
            return (failed, try client.readResponse())
        }
        #expect(failed?.status == 500)
        #expect(failed?.text.contains("<h1>Internal Server Error</h1>") == true)
        #expect(after?.text == "fine")
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func responsesCarryADateHeader(io: IOBackend) async throws {
        let server = try await LiveServer.start(echoResponder, io: io)
        let port = server.port
        let date = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
            return try client.readResponse()?.header("Date")
        }
        let pattern = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/
        #expect(date.map { $0.wholeMatch(of: pattern) != nil } == true)
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func headerValuesCannotSplitTheResponse(io: IOBackend) async throws {
        let server = try await LiveServer.start(ClosureResponder { _ in
            Response(headers: ["X-Injected": "a\r\nSet-Cookie: evil=1"], body: "ok")
        }, io: io)
        let port = server.port
        let response = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
            return try client.readResponse()
        }
        #expect(response?.header("Set-Cookie") == nil)
        #expect(response?.header("X-Injected") == "a  Set-Cookie: evil=1")
        try await server.stop()
    }
}
