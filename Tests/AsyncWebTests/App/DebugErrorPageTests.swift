import AsyncWeb
import AsyncWebTesting
import IOUring
import Testing

@Suite("The debug page")
struct DebugErrorPageTests {
    struct PaymentDeclined: Error { let reason: String }

    static func app(debug: Bool) -> App {
        let app = App("test", staticFolder: nil, templateFolder: nil)
        app.debug = debug
        return app
    }

    @Test func anAbortShowsTheFileAndLineItWasCalledFrom() async throws {
        let app = Self.app(debug: true)
        let abortLine = #line + 1
        app.get("/boom") { () throws -> String in try abort(500, "the cache is cold") }
        let response = try await TestClient(app).get("/boom")
        #expect(response.status == 500)
        #expect(response.text.contains("<h1>AsyncWebHTTP.HTTPError</h1>"))
        #expect(response.text.contains("the cache is cold"))
        #expect(response.text.contains("Thrown from <code>AsyncWebTests/DebugErrorPageTests.swift:\(abortLine)</code>"))
    }

    @Test func aFrameworkErrorShowsTheBacktraceOfItsTask() async throws {
        let app = Self.app(debug: true)
        app.get("/boom") { () throws -> String in try abort(500) }
        let text = try await TestClient(app).get("/boom").text
        #expect(text.contains("<ol class=stack>"))
        // The handler's closure, in this file, is on the stack, named, placed and marked.
        #expect(text.contains("<li class=site>closure #1 in DebugErrorPageTests.aFrameworkErrorShowsTheBacktraceOfItsTask()"))
        #expect(text.contains("DebugErrorPageTests.swift:\(#line - 5)</span>"))
    }

    @Test(arguments: IOBackend.allCases)
    func overALiveServerTheBacktraceIsTakenOnTheReactor(io: IOBackend) async throws {
        let app = Self.app(debug: true)
        app.get("/boom") { () async throws -> String in
            await Task.yield()
            try abort(500)
        }
        let server = try await LiveServer.start(app, io: io)
        let response = try await TestClient(server).get("/boom")
        try await server.stop()
        #expect(response.status == 500)
        #expect(response.text.contains("<li class=site>closure #1 in DebugErrorPageTests.overALiveServerTheBacktraceIsTakenOnTheReactor"))
    }

    @Test func aThrownErrorShowsItsTypeAndTheRouteWhereItWasRegistered() async throws {
        let app = Self.app(debug: true)
        let registrationLine = #line + 1
        app.post("/orders/<int:order>/pay", name: "pay") { () throws -> String in
            throw PaymentDeclined(reason: "card expired")
        }
        let text = try await TestClient(app).post("/orders/42/pay").text
        #expect(text.contains("PaymentDeclined"))
        #expect(text.contains("card expired"))
        #expect(text.contains("<tr><th>Rule</th><td>/orders/&lt;int:order&gt;/pay</td></tr>"))
        #expect(text.contains("<tr><th>Endpoint</th><td>pay</td></tr>"))
        #expect(text.contains("<tr><th>Methods</th><td>OPTIONS, POST</td></tr>"))
        #expect(text.contains("<tr><th>&lt;order&gt;</th><td>42</td></tr>"))
        #expect(text.contains("<tr><th>Registered at</th><td>AsyncWebTests/DebugErrorPageTests.swift:\(registrationLine)</td></tr>"))
        // A Swift error carries no backtrace, and the page says so.
        #expect(text.contains("No backtrace: Swift errors carry none"))
    }

    @Test func aBlueprintRouteShowsWhereItWasRegistered() async throws {
        let app = Self.app(debug: true)
        let admin = Blueprint("admin", urlPrefix: "/admin")
        let registrationLine = #line + 1
        admin.get("/users") { () throws -> String in throw PaymentDeclined(reason: "none") }
        app.register(admin)
        let text = try await TestClient(app).get("/admin/users").text
        #expect(text.contains("<tr><th>Endpoint</th><td>admin./users</td></tr>"))
        #expect(text.contains("DebugErrorPageTests.swift:\(registrationLine)</td>"))
    }

    @Test func theRequestSectionsShowWhatWasSentEscaped() async throws {
        let app = Self.app(debug: true)
        app.secretKey = "a secret long enough to sign with"
        app.post("/comment") { request async throws -> String in
            let form = try await request.form()
            session["draft"] = .string(form["comment"] ?? "")
            throw PaymentDeclined(reason: "<script>in the error</script>")
        }
        let client = TestClient(app)
        let text = try await client.post(
            "/comment?q=%3Cscript%3Earg%3C/script%3E", form: ["comment": "<script>form</script>"],
            headers: ["X-Note": "<script>header</script>", "Cookie": "theme=<script>cookie</script>"]
        ).text
        #expect(text.contains("<tr><th>q</th><td>&lt;script&gt;arg&lt;/script&gt;</td></tr>"))
        #expect(text.contains("<tr><th>comment</th><td>&lt;script&gt;form&lt;/script&gt;</td></tr>"))
        #expect(text.contains("<tr><th>X-Note</th><td>&lt;script&gt;header&lt;/script&gt;</td></tr>"))
        #expect(text.contains("<tr><th>theme</th><td>&lt;script&gt;cookie&lt;/script&gt;</td></tr>"))
        #expect(text.contains("<tr><th>draft</th><td>&#34;&lt;script&gt;form&lt;/script&gt;&#34;</td></tr>"))
        #expect(text.contains("&lt;script&gt;in the error&lt;/script&gt;"))
        #expect(text.contains("<code>POST http://localhost/comment?q=%3Cscript%3Earg%3C/script%3E HTTP/1.1</code>"))
        // Nothing on the page runs: no script, no form to send code back.
        #expect(!text.contains("<script"))
        #expect(!text.contains("<form"))
    }

    @Test func aFormTheHandlerDidNotReadStaysUnread() async throws {
        let app = Self.app(debug: true)
        app.post("/ignore") { () throws -> String in throw PaymentDeclined(reason: "early") }
        let text = try await TestClient(app).post("/ignore", form: ["comment": "unread"]).text
        #expect(text.contains("Not read: the app did not ask for the form."))
        #expect(!text.contains("unread</td>"))
    }

    @Test func theConfigShowsWithItsSecretsMasked() async throws {
        let app = Self.app(debug: true)
        app.secretKey = "secret-key-value"
        app.config["API_TOKEN"] = "token-value"
        app.config["DB_PASSWORD"] = "password-value"
        app.config["stripe_key"] = "stripe-value"
        app.config["DATABASE"] = ["host": "db.internal", "password": "nested-password-value"]
        app.config["GREETING"] = "hello from the config"
        app.get("/boom") { () throws -> String in throw PaymentDeclined(reason: "none") }
        let text = try await TestClient(app).get("/boom").text
        for secret in ["secret-key-value", "token-value", "password-value", "stripe-value", "nested-password-value"] {
            #expect(!text.contains(secret), "\(secret) leaks")
        }
        #expect(text.contains("<tr><th>SECRET_KEY</th><td>&#34;********&#34;</td></tr>"))
        #expect(text.contains("<tr><th>API_TOKEN</th><td>&#34;********&#34;</td></tr>"))
        #expect(text.contains("<tr><th>DB_PASSWORD</th><td>&#34;********&#34;</td></tr>"))
        #expect(text.contains("db.internal"))
        #expect(text.contains("<tr><th>GREETING</th><td>&#34;hello from the config&#34;</td></tr>"))
        // An unset secret shows as unset: that tells nothing but helps.
        #expect(text.contains("<tr><th>SECRET_KEY_FALLBACKS</th><td>null</td></tr>"))
    }

    @Test func withoutDebugTheProductionPageShowsAndNothingLeaks() async throws {
        let app = Self.app(debug: false)
        app.secretKey = "secret-key-value"
        app.config["API_TOKEN"] = "token-value"
        app.get("/thrown") { () throws -> String in throw PaymentDeclined(reason: "card expired") }
        app.get("/aborted") { () throws -> String in try abort(500, "the cache is cold") }
        let client = TestClient(app)
        for target in ["/thrown", "/aborted?q=query-value"] {
            let response = try await client.get(target, headers: ["X-Note": "header-value"])
            #expect(response.status == 500)
            #expect(response.text.contains("<h1>Internal Server Error</h1>"))
            for leak in ["PaymentDeclined", "card expired", "DebugErrorPageTests.swift", "token-value", "secret-key-value",
                "query-value", "header-value", "Backtrace", "Config"]
            {
                #expect(!response.text.contains(leak), "\(target) leaks \(leak)")
            }
        }
    }

    @Test func productionErrorsRecordNoCallStack() async throws {
        for debug in [false, true] {
            let app = Self.app(debug: debug)
            app.get("/") { HTTPError(.notFound).origin.callStack == nil ? "none" : "recorded" }
            #expect(try await TestClient(app).get("/").text == (debug ? "recorded" : "none"))
        }
        #expect(HTTPError(.notFound).origin.callStack == nil, "outside a request, nothing is recorded")
    }

    @Test func aMissingFormKeyIsTrappedInDebugModeAsFlaskTrapsIt() async throws {
        let requireLine = #line + 4
        func loginApp(debug: Bool, trapBadRequestErrors: Bool? = nil) -> App {
            let app = Self.app(debug: debug)
            if let trapBadRequestErrors { app.config["TRAP_BAD_REQUEST_ERRORS"] = .bool(trapBadRequestErrors) }
            app.post("/login") { request async throws -> String in try await request.form().require("username") }
            return app
        }
        let trapped = try await TestClient(loginApp(debug: true)).post("/login", form: ["password": "x"])
        #expect(trapped.status == 500)
        #expect(trapped.text.contains("BadRequestKeyError"))
        #expect(trapped.text.contains("the request has no key &#39;username&#39;"))
        #expect(trapped.text.contains("Thrown from <code>AsyncWebTests/DebugErrorPageTests.swift:\(requireLine)</code>"))

        let untrapped = try await TestClient(loginApp(debug: true, trapBadRequestErrors: false)).post("/login", form: ["password": "x"])
        #expect(untrapped.status == 400 && !untrapped.text.contains("BadRequestKeyError"))
        let production = try await TestClient(loginApp(debug: false)).post("/login", form: ["password": "x"])
        #expect(production.status == 400 && !production.text.contains("BadRequestKeyError"))
    }

    @Test func otherHTTPErrorsKeepTheirPagesInDebugMode() async throws {
        let app = Self.app(debug: true)
        app.get("/private") { () throws -> String in try abort(403) }
        let response = try await TestClient(app).get("/private")
        #expect(response.status == 403 && response.text.contains("<h1>Forbidden</h1>"))
        #expect(try await TestClient(app).get("/missing").status == 404)
    }
}
