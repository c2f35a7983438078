import AsyncWeb
import AsyncWebTesting
import Testing

@Suite("Blueprints")
struct BlueprintTests {
    private func app() -> TestClient {
        let app = App("test")
        let admin = Blueprint("admin", urlPrefix: "/admin")
        admin.get("/", name: "index") { "Admin home" }
        admin.get("/users", name: "users") { "\(try url(for: ".index")) \(try url(for: "admin.users")) \(request.endpoint ?? "")" }
        admin.beforeRequest {
            request.headers["X-Admin"] == "no" ? Response(status: .forbidden, body: "admins only") : nil
        }
        admin.afterRequest { response in
            var response = response
            response.headers["X-Section"] = "admin"
            return response
        }
        app.register(admin)
        app.get("/", name: "home") { "home" }
        return TestClient(app)
    }

    @Test func routesLiveUnderThePrefixWithNamespacedEndpoints() async throws {
        let client = app()
        #expect(try await client.get("/admin/").text == "Admin home")
        #expect(try await client.get("/admin/users").text == "/admin/ /admin/users admin.users")
        #expect(try await client.get("/users").status == 404)
    }

    @Test func strictSlashesApplyUnderThePrefix() async throws {
        let response = try await app().get("/admin")
        #expect(response.status == 308 && response.headers["Location"] == "http://localhost/admin/")
    }

    @Test func hooksRunOnlyForTheBlueprintsRequests() async throws {
        let client = app()
        #expect(try await client.get("/admin/", headers: ["X-Admin": "no"]).status == 403)
        #expect(try await client.get("/", headers: ["X-Admin": "no"]).text == "home")
        #expect(try await client.get("/admin/").headers["X-Section"] == "admin")
        #expect(try await client.get("/").headers["X-Section"] == nil)
    }

    @Test func aBlueprintCanBeRegisteredUnderAnotherPrefix() async throws {
        let app = App("test")
        let api = Blueprint("api", urlPrefix: "/api")
        api.get("/ping", name: "ping") { "pong" }
        app.register(api, urlPrefix: "/v2")
        let client = TestClient(app)
        #expect(try await client.get("/v2/ping").text == "pong")
        #expect(try await client.get("/api/ping").status == 404)
    }
}
