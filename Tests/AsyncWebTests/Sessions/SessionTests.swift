@testable import AsyncWeb
@testable import AsyncWebTesting
import Foundation
import Logging
import OrderedCollections
import Testing
import TestSupport

/// The `session` context local through the whole pipeline: when the cookie is read and
/// written, what a bad cookie becomes, key rotation, permanence, the cookie's attributes
/// and an app without a secret key.
@Suite("Sessions")
struct SessionTests {
    static let secret = "test-secret"

    /// Routes that read and change the session by URL.
    static func makeApp(_ configure: (App) -> Void = { $0.secretKey = SessionTests.secret }) -> App {
        let app = App("sessions", staticFolder: nil, templateFolder: nil)
        configure(app)
        app.get("/get/<key>") { request in session[request.pathParameters["key"]!]?.string ?? "missing" }
        app.get("/set/<key>/<value>") { request in
            session[request.pathParameters["key"]!] = .string(request.pathParameters["value"]!)
            return "set"
        }
        app.get("/pop/<key>") { request in session.pop(request.pathParameters["key"]!)?.string ?? "nothing" }
        app.get("/clear") {
            session.clear()
            return "cleared"
        }
        app.get("/permanent") {
            session.permanent = true
            session["user"] = "alice"
            return "permanent"
        }
        app.get("/untouched") { "untouched" }
        return app
    }

    static func store(_ configure: (inout Config) -> Void = { _ in }) -> CookieSessionStore {
        var config = Config()
        config["SECRET_KEY"] = .string(secret)
        configure(&config)
        return CookieSessionStore(config: config)!
    }

    static var now: Int { Int(Date().timeIntervalSince1970) }

    @Test func aValueStoredInOneRequestIsReadInTheNext() async throws {
        let client = TestClient(Self.makeApp())
        let set = try await client.get("/set/user/alice")
        let cookie = try #require(set.headers["Set-Cookie"])
        #expect(cookie.hasPrefix("session=") && cookie.hasSuffix("; HttpOnly; Path=/"))
        #expect(set.headers["Vary"] == "Cookie")
        #expect(try await client.get("/get/user").text == "alice")
        #expect(try await client.get("/pop/user").text == "alice")
        #expect(try await client.get("/get/user").text == "missing")
    }

    @Test func plainSwiftValuesAreStoredWithoutWrapping() async throws {
        let app = App("sessions", staticFolder: nil, templateFolder: nil)
        app.secretKey = Self.secret
        app.get("/store/<name>") { request in
            let name: String = try request.pathParameters.require("name")
            session["username"] = name
            session["visits"] = 3
            session["admin"] = true
            session["ratio"] = 0.5
            session["tags"] = ["a", "b"]
            session["scores"] = ["ada": 10]
            return "stored"
        }
        app.get("/read") {
            let name: String? = session["username"]
            let visits: Int? = session["visits"]
            let admin: Bool? = session["admin"]
            let ratio: Double? = session["ratio"]
            let tags: [String]? = session["tags"]
            let scores: [String: Int]? = session["scores"]
            let wrongType: Int? = session["username"]
            return "\(name ?? "") \(visits ?? 0) \(admin ?? false) \(ratio ?? 0) \(tags ?? []) \(scores ?? [:]) \(wrongType == nil)"
        }
        let client = TestClient(app)
        _ = try await client.get("/store/ada")
        #expect(try await client.get("/read").text == #"ada 3 true 0.5 ["a", "b"] ["ada": 10] true"#)
        #expect(client.cookies["session"] != nil)
    }

    @Test func plainValuesAreStoredAsTheirSessionValues() async throws {
        let app = App("sessions", staticFolder: nil, templateFolder: nil)
        app.secretKey = Self.secret
        app.get("/") {
            let name = "ada"
            session["username"] = name
            session["ids"] = [1, 2]
            return "\(session["username"] == SessionValue.string("ada")) \(session["ids"] == SessionValue.list([.int(1), .int(2)]))"
        }
        #expect(try await TestClient(app).get("/").text == "true true")
    }

    @Test func aRequestThatNeverUsesTheSessionGetsNoCookieAndNoVary() async throws {
        let client = TestClient(Self.makeApp())
        _ = try await client.get("/set/user/alice")
        let response = try await client.get("/untouched")
        #expect(response.headers["Set-Cookie"] == nil)
        #expect(response.headers["Vary"] == nil)
    }

    @Test func readingTheSessionVariesTheResponseButWritesNoCookie() async throws {
        let client = TestClient(Self.makeApp())
        _ = try await client.get("/set/user/alice")
        let response = try await client.get("/get/user")
        #expect(response.headers["Vary"] == "Cookie")
        #expect(response.headers["Set-Cookie"] == nil)
    }

    @Test func emptyingTheSessionDeletesTheCookie() async throws {
        let client = TestClient(Self.makeApp())
        _ = try await client.get("/set/user/alice")
        let response = try await client.get("/clear")
        #expect(response.headers["Set-Cookie"] == "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/")
        #expect(client.cookies["session"] == nil)
        // Popping a key that is not there changes nothing, as in Flask: no cookie at all.
        #expect(try await client.get("/pop/user").headers["Set-Cookie"] == nil)
    }

    /// Cookies the app must not trust, each made the way an attacker or an old client would.
    static let badCookies: [(String, @Sendable () -> String)] = [
        ("garbage", { "not-a-session" }),
        ("empty", { "" }),
        ("tampered payload", {
            let good = store().cookieValue(["user": "alice"], timestamp: now)
            return "eyJ1c2VyIjoibWFsbG9yeSJ9" + good.drop { $0 != "." }
        }),
        ("another key", {
            var config = Config()
            config["SECRET_KEY"] = "someone else's"
            return CookieSessionStore(config: config)!.cookieValue(["user": "alice"], timestamp: now)
        }),
        ("expired", { store().cookieValue(["user": "alice"], timestamp: now - 32 * 24 * 3600) }),
        ("dated in the future", { store().cookieValue(["user": "alice"], timestamp: now + 3600) }),
        ("a JSON list", { TimestampSigner(secretKeys: [secret], salt: "cookie-session").sign(URLSafeBase64.encode(Array("[1,2]".utf8)), timestamp: now) }),
        ("not JSON", { TimestampSigner(secretKeys: [secret], salt: "cookie-session").sign(URLSafeBase64.encode(Array("{user".utf8)), timestamp: now) }),
        ("broken zlib", { TimestampSigner(secretKeys: [secret], salt: "cookie-session").sign(".eJzLSM3JyVcozy_KSQEAGgQEXQ", timestamp: now) }),
        ("a tag holding the wrong type", {
            TimestampSigner(secretKeys: [secret], salt: "cookie-session").sign(URLSafeBase64.encode(Array(#"{"user":{" t":5}}"#.utf8)), timestamp: now)
        }),
    ]

    @Test(arguments: badCookies.map(\.0))
    func aCookieThatCannotBeTrustedReadsAsAnEmptySession(_ name: String) async throws {
        let cookie = try #require(Self.badCookies.first { $0.0 == name }).1()
        let response = try await TestClient(Self.makeApp()).get("/get/user", headers: ["Cookie": "session=\(cookie)"])
        #expect(response.status == .ok)
        #expect(response.text == "missing")
    }

    @Test func aCookieWithinTheLifetimeIsTrusted() async throws {
        let cookie = Self.store().cookieValue(["user": "alice"], timestamp: Self.now - 30 * 24 * 3600)
        let response = try await TestClient(Self.makeApp()).get("/get/user", headers: ["Cookie": "session=\(cookie)"])
        #expect(response.text == "alice")
    }

    @Test func fallbackKeysReadOldCookiesWhileNewOnesAreSignedWithTheNewKey() async throws {
        let oldCookie = Self.store().cookieValue(["user": "alice"], timestamp: Self.now)
        let app = Self.makeApp {
            $0.config["SECRET_KEY"] = "new-secret"
            $0.config["SECRET_KEY_FALLBACKS"] = ["older-secret", .string(Self.secret)]
        }
        let client = TestClient(app)
        #expect(try await client.get("/get/user", headers: ["Cookie": "session=\(oldCookie)"]).text == "alice")
        _ = try await client.get("/set/user/bob")
        let newCookie = try #require(client.cookies["session"])
        let newKeyOnly = Self.makeApp { $0.secretKey = "new-secret" }
        #expect(try await TestClient(newKeyOnly).get("/get/user", headers: ["Cookie": "session=\(newCookie)"]).text == "bob")
        #expect(try await TestClient(Self.makeApp()).get("/get/user", headers: ["Cookie": "session=\(newCookie)"]).text == "missing")
    }

    @Test func aPermanentSessionLastsTheLifetimeAndIsRefreshedOnEveryRequest() async throws {
        let client = TestClient(Self.makeApp())
        let response = try await client.get("/permanent")
        let cookie = try #require(response.headers["Set-Cookie"])
        let expires = try #require(cookie.split(separator: "; ").first { $0.hasPrefix("Expires=") }?.dropFirst("Expires=".count))
        let expiry = try #require(HTTPDate.parse(expires))
        #expect(abs(expiry - (Self.now + 31 * 24 * 3600)) <= 2)
        #expect(!cookie.contains("Max-Age"))
        // A request that does not touch it still sends it again, with a later expiry.
        #expect(try await client.get("/untouched").headers["Set-Cookie"] != nil)

        let noRefresh = TestClient(Self.makeApp {
            $0.secretKey = Self.secret
            $0.config["SESSION_REFRESH_EACH_REQUEST"] = false
        })
        _ = try await noRefresh.get("/permanent")
        #expect(try await noRefresh.get("/untouched").headers["Set-Cookie"] == nil)
    }

    @Test func theLifetimeSettingBoundsHowOldACookieMayBe() async throws {
        let app = Self.makeApp {
            $0.secretKey = Self.secret
            $0.config["PERMANENT_SESSION_LIFETIME"] = 60
        }
        let fresh = Self.store().cookieValue(["user": "alice"], timestamp: Self.now - 30)
        let stale = Self.store().cookieValue(["user": "alice"], timestamp: Self.now - 120)
        #expect(try await TestClient(app).get("/get/user", headers: ["Cookie": "session=\(fresh)"]).text == "alice")
        #expect(try await TestClient(app).get("/get/user", headers: ["Cookie": "session=\(stale)"]).text == "missing")
    }

    /// Every `SESSION_COOKIE_*` setting, against the `Set-Cookie` Flask writes for the same config.
    @Test func theCookieAttributesAreFlasksForTheSameSettings() async throws {
        let settings: [(String, JSONValue, python: String)] = [
            ("SESSION_COOKIE_NAME", "sid", "'sid'"), ("SESSION_COOKIE_DOMAIN", "example.com", "'example.com'"),
            ("SESSION_COOKIE_PATH", "/app", "'/app'"), ("SESSION_COOKIE_SECURE", true, "True"),
            ("SESSION_COOKIE_HTTPONLY", false, "False"), ("SESSION_COOKIE_SAMESITE", "Lax", "'Lax'"),
            ("SESSION_COOKIE_PARTITIONED", true, "True"),
        ]
        let updates = settings.map { "'\($0.0)': \($0.python)" }.joined(separator: ", ")
        let flask = String(decoding: try PythonOracle.run("""
            import flask
            app = flask.Flask(__name__)
            app.secret_key = "\(Self.secret)"
            app.config.update({\(updates)})
            @app.route("/set/<key>/<value>")
            def set_value(key, value):
                flask.session[key] = value
                return "set"
            @app.route("/clear")
            def clear():
                flask.session.clear()
                return "cleared"
            client = app.test_client()
            print(client.get("/set/user/alice").headers["Set-Cookie"])
            print(client.get("/clear", headers={"Cookie": "sid=x"}).headers["Set-Cookie"])
            """), as: UTF8.self).split(separator: "\n").map(String.init)
        let app = Self.makeApp { app in
            app.secretKey = Self.secret
            for (key, value, _) in settings { app.config[key] = value }
        }
        let client = TestClient(app)
        let set = try #require(try await client.get("/set/user/alice").headers["Set-Cookie"])
        let cleared = try #require(try await client.get("/clear").headers["Set-Cookie"])
        #expect(Self.withoutSignature(set) == Self.withoutSignature(flask[0]))
        #expect(cleared == flask[1])
    }

    /// `payload.timestamp.signature` changes with the second; the payload and attributes do not.
    static func withoutSignature(_ setCookie: String) -> String {
        let value = setCookie.prefix { $0 != ";" }
        return value.split(separator: ".").dropLast(2).joined(separator: ".") + setCookie.drop { $0 != ";" }
    }

    @Test func withoutASecretKeyTheSessionReadsEmptyAndAChangeFailsWithFlasksExplanation() async throws {
        let app = Self.makeApp { $0.debug = true }
        let client = TestClient(app)
        let read = try await client.get("/get/user")
        #expect(read.text == "missing")
        #expect(read.headers["Set-Cookie"] == nil)
        let write = try await client.get("/set/user/alice")
        #expect(write.status == .internalServerError)
        #expect(write.text.contains("The session is unavailable because no secret key was set."))
        #expect(write.headers["Set-Cookie"] == nil)
        // The app goes on serving.
        #expect(try await client.get("/untouched").text == "untouched")
    }

    struct Cart: Codable, Equatable {
        var items: [String]
        var total: Double
    }

    @Test func typedValuesComeBackAsTheyWentIn() async throws {
        let id = UUID()
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let app = App("typed", staticFolder: nil, templateFolder: nil)
        app.secretKey = Self.secret
        app.get("/store") {
            try session.set("cart", Cart(items: ["apple", "pear"], total: 2.5))
            session["id"] = .uuid(id)
            session["when"] = .date(date)
            session["raw"] = .bytes([0, 255, 10])
            session["html"] = .markup(Markup("<b>hi</b>"))
            session["pair"] = .tuple([1, "two"])
            session["nested"] = ["list": [1, 2.0, nil, true], " t": "not a tuple"]
            return "stored"
        }
        app.get("/read") {
            #expect(session["cart", as: Cart.self] == Cart(items: ["apple", "pear"], total: 2.5))
            #expect(session["id"]?.uuid == id)
            #expect(session["when"]?.date == date)
            #expect(session["raw"]?.bytes == [0, 255, 10])
            #expect(session["html"]?.markup == Markup("<b>hi</b>"))
            #expect(session["pair"] == .tuple([1, "two"]))
            #expect(session["nested"] == ["list": [1, 2.0, nil, true], " t": "not a tuple"])
            #expect(session.keys == ["cart", "id", "when", "raw", "html", "pair", "nested"].sorted())
            return "read"
        }
        let client = TestClient(app)
        _ = try await client.get("/store")
        #expect(try await client.get("/read").text == "read")
    }

    /// The README's example, as written there.
    @Test func theReadmeExampleLogsInFlashesOnceAndLogsOut() async throws {
        let app = App("readme", staticFolder: nil, templateFolder: nil)
        app.secretKey = "a long random string"
        app.post("/login") { request in
            session["username"] = try await request.form().require("username")
            session.permanent = true
            flash("You were successfully logged in")
            return redirect(to: try url(for: "index"))
        }
        app.get("/", name: "index") {
            let flashed = getFlashedMessages().joined(separator: "\n")
            let user = session["username"]?.string.map { "Logged in as \($0)" } ?? "You are not logged in"
            return flashed + "\n" + user
        }
        app.get("/logout") {
            session.pop("username")
            return redirect(to: try url(for: "index"))
        }
        let client = TestClient(app)
        let login = try await client.post("/login", form: ["username": "alice"], followRedirects: true)
        #expect(login.text == "You were successfully logged in\nLogged in as alice")
        #expect(try await client.get("/").text == "\nLogged in as alice")
        #expect(try await client.get("/logout", followRedirects: true).text == "\nYou are not logged in")
    }

    @Test func theSessionWorksInATestRequestContext() async throws {
        let app = Self.makeApp()
        try await app.testRequestContext("/") {
            #expect(session.isEmpty)
            session["user"] = "alice"
            #expect(session.modified && session.accessed)
            #expect(session.values == ["user": "alice"])
        }
    }
}

@Suite("Cookie size")
struct CookieSizeTests {
    /// Werkzeug warns when a `Set-Cookie` field is longer than browsers keep; so do we, in its words.
    @Test func aCookieOverTheLimitGetsWerkzeugsWarning() throws {
        let value = String(repeating: "x", count: 4090)
        let field = CookieFormat.setCookieValue(
            name: "session", value: value, maxAge: nil, expires: nil, path: "/", domain: nil, secure: false, httpOnly: true,
            sameSite: nil, partitioned: false)
        let werkzeug = String(decoding: try PythonOracle.run("""
            import warnings
            from werkzeug.http import dump_cookie
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                dump_cookie("session", "\(value)", httponly=True, max_size=4093)
            print(caught[0].message, end="")
            """), as: UTF8.self)
        #expect(CookieFormat.tooLargeWarning(field, limit: 4093) == werkzeug)
        #expect(CookieFormat.tooLargeWarning(field, limit: 0) == nil)
        #expect(CookieFormat.tooLargeWarning("session=small; Path=/", limit: 4093) == nil)
    }

    /// A session too large for browsers is still sent, and the app's log says why it may be lost.
    @Test func aSessionOverTheLimitIsSetWithAWarningInTheAppsLog() async throws {
        let log = RecordingLogHandler.Records()
        let app = App("big", staticFolder: nil, templateFolder: nil, logger: Logger(label: "big") { _ in RecordingLogHandler(records: log) })
        app.secretKey = "test-secret"
        // Random bytes do not compress, so the cookie grows with the value.
        app.get("/store/<int:size>") { request in
            session["blob"] = .bytes((0..<(try request.pathParameters.require("size", as: Int.self))).map { _ in UInt8.random(in: 0...255) })
            return "stored"
        }
        let client = TestClient(app)
        #expect(try await client.get("/store/1000").headers["Set-Cookie"] != nil)
        #expect(log.all.isEmpty)
        let big = try await client.get("/store/4000")
        let cookie = try #require(big.headers["Set-Cookie"])
        let warning = try #require(log.all.first)
        #expect(warning.level == .warning)
        #expect(warning.message.hasPrefix("The 'session' cookie is too large"))
        #expect(warning.message.contains("The final size was \(cookie.utf8.count) bytes but the limit is 4093 bytes."))

        let unlimited = App("unlimited", staticFolder: nil, templateFolder: nil, logger: Logger(label: "unlimited") { _ in RecordingLogHandler(records: log) })
        unlimited.secretKey = "test-secret"
        unlimited.config["MAX_COOKIE_SIZE"] = 0
        unlimited.get("/store") {
            session["blob"] = .bytes((0..<4000).map { _ in UInt8.random(in: 0...255) })
            return "stored"
        }
        _ = try await TestClient(unlimited).get("/store")
        #expect(log.all.count == 1)
    }
}
