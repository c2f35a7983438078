import AsyncWeb
import AsyncWebTesting
import Glibc
import IOUring
import Testing

@Suite("HTTP server: streamed responses")
struct StreamingTests {
    @Test(arguments: IOBackend.allCases)
    func asyncSequenceOfStringsIsSentChunked(io: IOBackend) async throws {
        let server = try await LiveServer.start(ClosureResponder { _ in
            let lines = AsyncStream<String> { continuation in
                for index in 1...3 { continuation.yield("line \(index)\n") }
                continuation.finish()
            }
            return Response(body: ResponseBody(stream: lines))
        }, io: io)
        let port = server.port
        let response = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
            return try client.readResponse()
        }
        #expect(response?.header("Transfer-Encoding") == "chunked")
        #expect(response?.text == "line 1\nline 2\nline 3\n")
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func streamToHTTP10ClientEndsWithClose(io: IOBackend) async throws {
        let server = try await LiveServer.start(ClosureResponder { _ in
            Response(body: ResponseBody(stream: GeneratedChunks(count: 3, size: 5)))
        }, io: io)
        let port = server.port
        let response = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.0\r\n\r\n")
            return try client.readResponse()
        }
        #expect(response?.header("Transfer-Encoding") == nil)
        #expect(response?.body.count == 15)
        try await server.stop()
    }
}
