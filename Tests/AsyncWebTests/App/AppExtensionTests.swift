import AsyncWeb
import AsyncWebTesting
import Testing

@Suite("Extensions")
struct AppExtensionTests {
    /// The example from AppExtension's documentation.
    struct RequestID: AppExtension {
        var header = "X-Request-ID"

        func register(on app: App) {
            app.beforeRequest {
                g["request_id"] = request.headers[header].map(String.init) ?? "generated"
                return nil
            }
            app.afterRequest { response in
                var response = response
                response.headers[header] = g["request_id", as: String.self]
                return response
            }
        }
    }

    @Test func anExtensionRegistersItsHooksOnTheApp() async throws {
        let app = App("test")
        app.install(RequestID())
        app.get("/") { "id \(g["request_id", as: String.self] ?? "")" }
        let client = TestClient(app)
        let given = try await client.get("/", headers: ["X-Request-ID": "abc"])
        #expect(given.text == "id abc" && given.headers["X-Request-ID"] == "abc")
        #expect(try await client.get("/").headers["X-Request-ID"] == "generated")
    }
}
