import AsyncWeb
import AsyncWebTesting
import Synchronization
import Testing

@Suite("App pipeline: context, hooks and error handlers")
struct PipelineTests {
    struct Teapot: Error {}

    @Test func requestIsAvailableAsAContextLocalInEverythingTheHandlerAwaits() async throws {
        let app = App("test")
        @Sendable func describe() async -> String { "\(request.method) \(request.target)" }
        app.get("/where") {
            let direct = await describe()
            let child = await Task { await describe() }.value
            async let structured = describe()
            return "\(direct)|\(child)|\(await structured)"
        }
        #expect(try await TestClient(app).get("/where?x=1").text == "GET /where?x=1|GET /where?x=1|GET /where?x=1")
    }

    @Test func gLivesForOneRequest() async throws {
        let app = App("test")
        app.beforeRequest {
            #expect(!g.contains("user"))
            g["user"] = "alice"
            return nil
        }
        app.get("/") { "user \(g["user", as: String.self] ?? "none")" }
        let client = TestClient(app)
        #expect(try await client.get("/").text == "user alice")
        #expect(try await client.get("/").text == "user alice")
    }

    @Test func currentAppIsTheAppHandlingTheRequest() async throws {
        let app = App("named")
        app.get("/") { currentApp.name }
        #expect(try await TestClient(app).get("/").text == "named")
    }

    @Test func testRequestContextBindsTheLocals() async throws {
        let app = App("test")
        let seen = try await app.testRequestContext("/h%C3%A9llo?name=alice", method: .post) {
            "\(request.method) \(request.path) \(request.fullPath) \(request.queryString) \(currentApp.name)"
        }
        #expect(seen == "POST /héllo /héllo?name=alice name=alice test")
    }

    @Test func routesRegisteredAfterReadingTheTemplatesAreServed() async throws {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        app.get("/early") { "early" }
        _ = app.templates
        app.get("/late") { "late" }
        app.templateFilter("shout") { value, _ in .string(try value.text().uppercased()) }
        let client = TestClient(app)
        #expect(try await client.get("/early").text == "early")
        #expect(try await client.get("/late").text == "late")
        #expect(try app.renderTemplateString("{{ 'hi'|shout }}") == "HI")
    }

    @Test func routesRegisteredAfterATestRequestContextAreServed() async throws {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        app.secretKey = "test-secret"
        try await app.testRequestContext("/") { session["user"] = "ada" }
        app.get("/late") { "late" }
        #expect(try await TestClient(app).get("/late").text == "late")
    }

    @Test func registeringAfterTheFirstRequestStopsWithFlasksExplanation() async {
        await #expect(processExitsWith: .failure) {
            let app = App("test", staticFolder: nil, templateFolder: nil)
            app.get("/") { "first" }
            _ = try? await TestClient(app).get("/")
            app.get("/late") { "late" }
        }
    }

    @Test func usingRequestOutsideAContextStopsWithFlasksExplanation() async {
        await #expect(processExitsWith: .failure) {
            _ = request.method
        }
    }

    @Test func beforeRequestCanAnswerInsteadOfTheHandler() async throws {
        let app = App("test")
        app.beforeRequest { request.headers["X-Token"] == nil ? Response(status: .unauthorized, body: "no token") : nil }
        app.get("/") { "secret" }
        let client = TestClient(app)
        #expect(try await client.get("/").status == 401)
        #expect(try await client.get("/", headers: ["X-Token": "t"]).text == "secret")
    }

    @Test func afterRequestHooksRunInReverseOrder() async throws {
        let app = App("test")
        app.afterRequest { response in
            var response = response
            response.headers.add("X-Order", "first-registered")
            return response
        }
        app.afterRequest { response in
            var response = response
            response.headers.add("X-Order", "second-registered")
            return response
        }
        app.get("/") { "ok" }
        let response = try await TestClient(app).get("/")
        #expect(response.headers.values(for: "X-Order") == ["second-registered", "first-registered"])
    }

    @Test func teardownSeesTheErrorThatEndedTheRequest() async throws {
        let app = App("test")
        let seen = Mutex<[String]>([])
        app.teardownRequest { error in seen.withLock { $0.append(error.map { "\(type(of: $0))" } ?? "none") } }
        app.get("/ok") { "fine" }
        app.get("/teapot") { () throws -> String in throw Teapot() }
        let client = TestClient(app)
        _ = try await client.get("/ok")
        let failed = try await client.get("/teapot")
        #expect(failed.status == 500)
        #expect(seen.withLock { $0 } == ["none", "Teapot"])
    }

    @Test func errorHandlersAnswerByStatusAndByType() async throws {
        let app = App("test")
        app.errorHandler(404) { _ in makeResponse("custom not found page", status: 404) }
        app.errorHandler(Teapot.self) { _ in makeResponse("short and stout", status: 418) }
        app.get("/teapot") { () throws -> String in throw Teapot() }
        let client = TestClient(app)
        let missing = try await client.get("/nowhere")
        #expect(missing.status == 404 && missing.text == "custom not found page")
        let teapot = try await client.get("/teapot")
        #expect(teapot.status == 418 && teapot.text == "short and stout")
    }

    @Test func unhandledErrorsBecomeA500HandlerOrPage() async throws {
        let app = App("test")
        app.errorHandler(500) { _ in makeResponse("we broke it", status: 500) }
        app.get("/teapot") { () throws -> String in throw Teapot() }
        let response = try await TestClient(app).get("/teapot")
        #expect(response.status == 500 && response.text == "we broke it")
    }

    @Test func headGetsTheHeadersOfGetWithoutABody() async throws {
        let app = App("test")
        app.get("/") { "twelve bytes" }
        let response = try await TestClient(app).head("/")
        #expect(response.status == 200 && response.body.isEmpty)
    }

    @Test func followingRedirectsTurnsAPostIntoAGet() async throws {
        let app = App("test")
        app.post("/login") { redirect(to: "/home") }
        app.get("/home") { "home via \(request.method)" }
        let response = try await TestClient(app).post("/login", form: ["username": "alice"], followRedirects: true)
        #expect(response.text == "home via GET")
    }
}
