import AsyncWeb
import AsyncWebTesting
import Testing

@Suite("Middleware")
struct MiddlewareTests {
    struct Tag: Middleware {
        let name: String
        func respond(to request: Request, next: Next) async throws -> Response {
            var response = try await next(request)
            response.headers.add("X-Trail", name)
            return response
        }
    }

    private func originApp(_ proxyFix: ProxyFix) -> App {
        let app = App("test")
        app.get("/") { "\(request.remoteAddress ?? "")|\(request.scheme)|\(request.host)|\(request.scriptRoot)" }
        app.wrap(proxyFix)
        return app
    }

    @Test func theLastWrappedRunsFirst() async throws {
        let app = App("test")
        app.get("/") { "ok" }
        app.wrap(Tag(name: "inner"))
        app.wrap(Tag(name: "outer"))
        // Responses pass back through the inner one first.
        #expect(try await TestClient(app).get("/").headers.values(for: "X-Trail") == ["inner", "outer"])
    }

    @Test func proxyFixTrustsForwardedFieldsAsWerkzeugDoes() async throws {
        let client = TestClient(originApp(ProxyFix(forwardedFor: 1, forwardedProto: 1, forwardedHost: 1, forwardedPort: 1, forwardedPrefix: 1)))
        let forwarded = try await client.get("/", headers: [
            "X-Forwarded-For": "1.2.3.4, 10.0.0.1", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "example.com",
            "X-Forwarded-Port": "8443", "X-Forwarded-Prefix": "/app/",
        ])
        #expect(forwarded.text == "10.0.0.1|https|example.com:8443|/app")
        #expect(try await client.get("/").text == "127.0.0.1|http|localhost|")
    }

    @Test func proxyFixIgnoresFieldsWithFewerValuesThanTrusted() async throws {
        let client = TestClient(originApp(ProxyFix(forwardedFor: 2)))
        #expect(try await client.get("/", headers: ["X-Forwarded-For": "1.2.3.4, 10.0.0.1"]).text == "1.2.3.4|http|localhost|")
        #expect(try await client.get("/", headers: ["X-Forwarded-For": "10.0.0.1"]).text == "127.0.0.1|http|localhost|")
    }
}
