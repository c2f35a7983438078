import AsyncWeb
import AsyncWebTesting
import IOUring
import Testing

/// The server's whole connection path without a socket: an ``InMemoryTransport`` carries the
/// requests in and the responses out, through ``HTTPServer/serve(_:)``.
@Suite("A connection in memory")
struct InMemoryConnectionTests {
    private static func app() -> App {
        let app = App("memory", staticFolder: nil)
        app.get("/") { "<p>Hello, World!</p>" }
        app.get("/json") { try jsonify(["message": "Hello, World!"]) }
        return app
    }

    /// Serves `input` on a reactor of its own and returns the connection once it closed.
    private func serve(_ input: String, repetitions: Int = 1) async throws -> InMemoryTransport {
        let group = try ReactorGroup(count: 1)
        defer { group.shutdown() }
        let connection = InMemoryTransport(reactor: group.reactors[0], input: Array(input.utf8), repetitions: repetitions)
        await HTTPServer(configuration: ServerConfiguration(), responder: Self.app()).serve(connection)
        return connection
    }

    @Test func pipelinedRequestsAreAnsweredInOrderInOneSend() async throws {
        let connection = try await serve(
            "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /json HTTP/1.1\r\nHost: a\r\n\r\nGET /missing HTTP/1.1\r\nHost: a\r\n\r\n")
        let text = String(decoding: connection.output, as: UTF8.self)
        let statuses = text.matches(of: /HTTP\/1\.1 (\d{3})/).map { String($0.output.1) }
        #expect(statuses == ["200", "200", "404"])
        #expect(text.contains("<p>Hello, World!</p>"))
        #expect(text.contains("{\"message\":\"Hello, World!\"}\n"))
        #expect(connection.sendCount == 1)
        #expect(connection.isClosed)
    }

    @Test func aRequestRepeatedOnOneConnectionIsAnsweredEachTime() async throws {
        let connection = try await serve("GET / HTTP/1.1\r\nHost: a\r\n\r\n", repetitions: 50)
        let text = String(decoding: connection.output, as: UTF8.self)
        #expect(text.components(separatedBy: "HTTP/1.1 200 OK\r\n").count - 1 == 50)
    }

    @Test func malformedInputGetsA400AndTheConnectionCloses() async throws {
        let connection = try await serve("GET / HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\nGET / HTTP/1.1\r\n\r\n")
        let text = String(decoding: connection.output, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(text.contains("Connection: close\r\n"))
        #expect(text.components(separatedBy: "HTTP/1.1 ").count - 1 == 1)
        #expect(connection.isClosed)
    }
}
