import AsyncWeb
import AsyncWebTesting
import IOUring
import Testing

@Suite("HTTP server: request bodies")
struct RequestBodyTests {
    @Test(arguments: IOBackend.allCases)
    func contentLengthBodyReachesTheHandler(io: IOBackend) async throws {
        let server = try await LiveServer.start(echoResponder, io: io)
        let port = server.port
        let echoed = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 11\r\n\r\nhello world")
            return try client.readResponse()?.text
        }
        #expect(echoed == "hello world")
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func chunkedUploadIsDecodedAcrossPieces(io: IOBackend) async throws {
        let server = try await LiveServer.start(echoResponder, io: io)
        let port = server.port
        let (echoed, next) = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("POST / HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")
            try client.send("lo\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n")
            let echoed = try client.readResponse()?.text
            try client.send("GET /after HTTP/1.1\r\nHost: test\r\n\r\n")
            return (echoed, try client.readResponse()?.header("X-Target"))
        }
        #expect(echoed == "hello world")
        #expect(next == "/after")
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func largeUploadStreamsThrough(io: IOBackend) async throws {
        let total = 8 * 1024 * 1024
        let server = try await LiveServer.start(ClosureResponder { request in
            var count = 0
            var largest = 0
            for try await chunk in request.body {
                count += chunk.count
                largest = max(largest, chunk.count)
            }
            return Response(body: ResponseBody(string: "\(count) \(largest)"))
        }, io: io)
        let port = server.port
        let reply = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("POST / HTTP/1.1\r\nHost: test\r\nContent-Length: \(total)\r\n\r\n")
            try client.send([UInt8](repeating: 65, count: total))
            return try client.readResponse()?.text
        }
        let parts = reply?.split(separator: " ").compactMap { Int($0) } ?? []
        #expect(parts.first == total)
        // Pieces are as large as what arrived, never the whole body.
        #expect((parts.last ?? total) < total)
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func expectContinueGets100BeforeTheBody(io: IOBackend) async throws {
        let server = try await LiveServer.start(echoResponder, io: io)
        let port = server.port
        let (interim, final) = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.readResponse()
            try client.send("ping")
            return (interim?.status, try client.readResponse()?.text)
        }
        #expect(interim == 100)
        #expect(final == "ping")
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func expectContinueIsNotSentWhenTheHandlerIgnoresTheBody(io: IOBackend) async throws {
        let server = try await LiveServer.start(ClosureResponder { _ in Response(status: .forbidden, body: "no") }, io: io)
        let port = server.port
        let (status, closed) = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            let response = try client.readResponse()
            return (response?.status, client.isClosedByServer())
        }
        #expect(status == 403)
        #expect(closed)
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func unreadBodyIsSkippedAndTheConnectionStaysUsable(io: IOBackend) async throws {
        let server = try await LiveServer.start(ClosureResponder { request in
            Response(body: ResponseBody(string: String(request.target)))
        }, io: io)
        let port = server.port
        let replies = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("POST /first HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nabcdeGET /second HTTP/1.1\r\nHost: test\r\n\r\n")
            return [try client.readResponse()?.text, try client.readResponse()?.text]
        }
        #expect(replies == ["/first", "/second"])
        try await server.stop()
    }
}
