import AsyncWeb
import AsyncWebTesting
import Foundation
import IOUring
import Testing
import TestSupport

/// `X-Forwarded-Port` on hosts a client makes up: the port replaces whatever
/// follows the last colon, as Werkzeug's `ProxyFix` does, and an unclosed `[`
/// is just text rather than the end of the server.
@Suite("ProxyFix ports at the edges")
struct ProxyFixPortEdgeTests {
    static let hosts = ["[abc", "[::1]:8080", "[::1]", "a:b:c", "example.com", "example.com:80", ":", "[", "]"]

    private func hostApp() -> App {
        let app = App("proxied")
        app.get("/") { request.host }
        app.wrap(ProxyFix(forwardedFor: 0, forwardedProto: 0, forwardedHost: 1, forwardedPort: 1))
        return app
    }

    @Test func theForwardedPortReplacesTheHostsPortAsWerkzeugDoes() async throws {
        let script = """
            import json, sys
            from werkzeug.middleware.proxy_fix import ProxyFix
            from werkzeug.test import Client
            def app(environ, start_response):
                start_response("200 OK", [])
                return [environ["HTTP_HOST"].encode()]
            client = Client(ProxyFix(app, x_for=0, x_proto=0, x_host=1, x_port=1))
            hosts = json.loads(sys.argv[1])
            print(json.dumps([client.get("/", headers={"X-Forwarded-Host": h, "X-Forwarded-Port": "8443"}).get_data(as_text=True) for h in hosts]))
            """
        let encoded = String(decoding: try JSONEncoder().encode(Self.hosts), as: UTF8.self)
        let expected = try JSONDecoder().decode([String].self, from: PythonOracle.run(script, arguments: [encoded]))
        let client = TestClient(hostApp())
        for (host, werkzeug) in zip(Self.hosts, expected) {
            let response = try await client.get("/", headers: ["X-Forwarded-Host": host, "X-Forwarded-Port": "8443"])
            #expect(response.text == werkzeug, "X-Forwarded-Host: \(host)")
        }
    }

    @Test(arguments: IOBackend.allCases)
    func anUnclosedBracketInTheForwardedHostIsServedOverALiveServer(io: IOBackend) async throws {
        let server = try await LiveServer.start(hostApp(), io: io)
        let port = server.port
        let bodies = try await onThread {
            try ["X-Forwarded-Host: [abc\r\nX-Forwarded-Port: 8443", "X-Forwarded-Host: example.com"].map { fields in
                let client = try RawHTTPClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n\r\n")
                return try client.readResponse().map { String(decoding: $0.body, as: UTF8.self) }
            }
        }
        try await server.stop()
        #expect(bodies == ["[abc:8443", "example.com"])
    }
}
