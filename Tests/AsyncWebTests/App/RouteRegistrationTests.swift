import AsyncWeb
import AsyncWebTesting
import Testing

/// `route`, `get`, `post`, `put`, `patch` and `delete` on apps and blueprints: the same
/// closure forms for every verb.
@Suite("Registering routes")
struct RouteRegistrationTests {
    /// Registers every verb on `registrar` twice: with the request and without it.
    private static func registerEveryVerb(on registrar: some RouteRegistrar) {
        registrar.get("/with") { request in "\(request.method) with" }
        registrar.get("/without") { "\(request.method) without" }
        registrar.post("/with") { request in "\(request.method) with" }
        registrar.post("/without") { "\(request.method) without" }
        registrar.put("/with") { request in "\(request.method) with" }
        registrar.put("/without") { "\(request.method) without" }
        registrar.patch("/with") { request in "\(request.method) with" }
        registrar.patch("/without") { "\(request.method) without" }
        registrar.delete("/with") { request in "\(request.method) with" }
        registrar.delete("/without") { "\(request.method) without" }
    }

    private static func expectEveryVerbAnswers(_ client: TestClient, under prefix: String = "") async throws {
        for method: HTTPMethod in [.get, .post, .put, .patch, .delete] {
            for form in ["with", "without"] {
                #expect(try await client.request(method, prefix + "/" + form).text == "\(method) \(form)")
            }
        }
    }

    @Test func everyVerbTakesAHandlerWithOrWithoutTheRequest() async throws {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        Self.registerEveryVerb(on: app)
        try await Self.expectEveryVerbAnswers(TestClient(app))
    }

    @Test func blueprintsTakeTheSameForms() async throws {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        let api = Blueprint("api", urlPrefix: "/api")
        Self.registerEveryVerb(on: api)
        app.register(api)
        try await Self.expectEveryVerbAnswers(TestClient(app), under: "/api")
    }

    @Test func deleteReadsLikeFlask() async throws {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        app.delete("/x") { "gone" }
        #expect(try await TestClient(app).request(.delete, "/x").text == "gone")
    }

    @Test func severalRulesTakeAHandlerWithoutTheRequest() async throws {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        app.route(["/hello/", "/hello/<name>"], name: "hello") { "hello \(request.pathParameters["name"] ?? "you")" }
        let client = TestClient(app)
        #expect(try await client.get("/hello/").text == "hello you")
        #expect(try await client.get("/hello/ada").text == "hello ada")
    }
}
