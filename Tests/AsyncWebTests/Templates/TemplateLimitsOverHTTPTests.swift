import AsyncWeb
import AsyncWebTesting
import IOUring
import Testing

/// A template limit reached from request data is that request's 500, and the
/// server serves the next one.
@Suite("Template limits over HTTP")
struct TemplateLimitsOverHTTPTests {
    @Test(arguments: IOBackend.allCases)
    func aRepetitionCountFromTheQueryStringGets500AndTheServerCarriesOn(io: IOBackend) async throws {
        let app = App("templates")
        app.get("/repeat") { try renderTemplateString("{{ 'x' * request.args.get('n')|int }}") }
        let server = try await LiveServer.start(app, io: io)
        let port = server.port
        let responses = try await onThread {
            try ["1000000000000", "9223372036854775807", "3"].map { n in
                let client = try RawHTTPClient(port: port)
                try client.send("GET /repeat?n=\(n) HTTP/1.1\r\nHost: a\r\n\r\n")
                return try client.readResponse().map { ($0.status, String(decoding: $0.body, as: UTF8.self)) }
            }
        }
        try await server.stop()
        #expect(responses.map { $0?.0 } == [500, 500, 200])
        #expect(responses.last??.1 == "xxx")
    }

    @Test(arguments: IOBackend.allCases)
    func aDepthFromTheQueryStringGets500AndTheServerCarriesOn(io: IOBackend) async throws {
        let app = App("templates")
        app.get("/countdown") { try renderTemplateString("{% macro countdown(n) %}{% if n > 0 %}{{ countdown(n - 1) }}{% else %}liftoff{% endif %}{% endmacro %}" + "{{ countdown(request.args.get('n')|int) }}") }
        let server = try await LiveServer.start(app, io: io)
        let port = server.port
        let statuses = try await onThread {
            try ["100000", "3"].map { n in
                let client = try RawHTTPClient(port: port)
                try client.send("GET /countdown?n=\(n) HTTP/1.1\r\nHost: a\r\n\r\n")
                return try client.readResponse()?.status
            }
        }
        try await server.stop()
        #expect(statuses == [500, 200])
    }
}
