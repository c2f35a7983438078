import AsyncWeb
import AsyncWebTesting
import IOUring
import Testing

@Suite("Framing numbers past Int over a socket")
struct ContentLengthOverflowTests {
    @Test(arguments: IOBackend.allCases)
    func contentLengthPastIntMaxGets400AndTheServerCarriesOn(io: IOBackend) async throws {
        let server = try await LiveServer.start(echoResponder, io: io)
        let port = server.port
        let (refused, chunked, next) = try await onThread {
            func exchange(_ request: String) throws -> Int? {
                let client = try RawHTTPClient(port: port)
                try client.send(request)
                return try client.readResponse()?.status
            }
            return (
                try exchange("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n"),
                try exchange("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n"),
                try exchange("GET / HTTP/1.1\r\nHost: a\r\n\r\n"))
        }
        try await server.stop()
        #expect(refused == 400)
        #expect(chunked == 400)
        #expect(next == 200)
    }
}
