@testable import AsyncWeb
@testable import AsyncWebTesting
import Foundation
import Testing

/// Message flashing, and the session and flashed messages as templates see them.
@Suite("Flashing and the session in templates")
struct FlashingTests {
    static func makeApp() -> App {
        let app = App("flashing", staticFolder: nil, templateFolder: nil)
        app.secretKey = "test-secret"
        app.get("/flash") {
            flash("Saved")
            flash("Disk almost full", category: "warning")
            flash(Markup("<b>Welcome</b>"), category: "info")
            return "flashed"
        }
        app.get("/messages") { getFlashedMessages().joined(separator: "|") }
        app.get("/categories") {
            getFlashedMessagesWithCategories().map { "\($0.category):\($0.message)" }.joined(separator: "|")
        }
        app.get("/warnings") { getFlashedMessages(categoryFilter: ["warning", "info"]).joined(separator: "|") }
        app.get("/twice") {
            // Flask keeps the messages it took for the rest of the request.
            let first = getFlashedMessages()
            return first == getFlashedMessages() ? "same \(first.count)" : "different"
        }
        app.get("/template") {
            try renderTemplateString("""
                {% for category, message in get_flashed_messages(with_categories=true) %}[{{ category }}] {{ message }}
                {% endfor %}{% for message in get_flashed_messages(category_filter=["warning"]) %}only {{ message }}{% endfor %}
                """)
        }
        app.get("/login/<name>") { request in
            session["username"] = .string(request.pathParameters["name"]!)
            session["roles"] = .tuple(["admin", "<dev>"])
            return "in"
        }
        app.get("/profile") {
            try renderTemplateString("""
                {% if session %}{{ session.username }}|{{ session['roles'] }}|{{ 'roles' in session }}|\
                {{ session.get('theme', 'light') }}|{{ session|length }}|{{ session.keys()|join(',') }}{% else %}anonymous{% endif %}
                """)
        }
        app.get("/plain-template") { try renderTemplateString("no session here") }
        return app
    }

    @Test func flashedMessagesShowOnceInTheNextRequest() async throws {
        let client = TestClient(Self.makeApp())
        _ = try await client.get("/flash")
        #expect(try await client.get("/messages").text == "Saved|Disk almost full|<b>Welcome</b>")
        #expect(try await client.get("/messages").text == "")
    }

    @Test func categoriesComeWithTheMessagesWhenAskedFor() async throws {
        let client = TestClient(Self.makeApp())
        _ = try await client.get("/flash")
        #expect(try await client.get("/categories").text == "message:Saved|warning:Disk almost full|info:<b>Welcome</b>")
    }

    @Test func aCategoryFilterKeepsOnlyThoseCategoriesButTakesAll() async throws {
        let client = TestClient(Self.makeApp())
        _ = try await client.get("/flash")
        #expect(try await client.get("/warnings").text == "Disk almost full|<b>Welcome</b>")
        #expect(try await client.get("/messages").text == "")
    }

    @Test func categoriesCanBeFilteredWithoutOptionals() async throws {
        let app = App("flashing", staticFolder: nil, templateFolder: nil)
        app.secretKey = "test-secret"
        app.get("/flash") {
            flash("Saved")
            flash("Disk almost full", category: "warning")
            return "flashed"
        }
        app.get("/warnings") {
            let warnings: [(category: String, message: String)] = getFlashedMessagesWithCategories(categoryFilter: ["warning"])
            return warnings.map { "\($0.category)=\($0.message)" }.joined(separator: "|")
        }
        let client = TestClient(app)
        _ = try await client.get("/flash")
        #expect(try await client.get("/warnings").text == "warning=Disk almost full")
    }

    @Test func readingTwiceInOneRequestGivesTheSameMessages() async throws {
        let client = TestClient(Self.makeApp())
        _ = try await client.get("/flash")
        #expect(try await client.get("/twice").text == "same 3")
    }

    @Test func flashesAreStoredAsFlaskStoresThem() async throws {
        let client = TestClient(Self.makeApp())
        _ = try await client.get("/flash")
        let cookie = try #require(client.cookies["session"])
        let verified = try #require(TimestampSigner(secretKeys: ["test-secret"], salt: "cookie-session").verify(cookie, maxAge: nil, now: Int(Date().timeIntervalSince1970)))
        let json = String(decoding: try #require(SessionPayload.decode(verified.payload)), as: UTF8.self)
        #expect(json == #"{"_flashes":[{" t":["message","Saved"]},{" t":["warning","Disk almost full"]},{" t":["info",{" m":"<b>Welcome</b>"}]}]}"#)
    }

    @Test func templatesReadFlashedMessagesAndKeepMarkupUnescaped() async throws {
        let client = TestClient(Self.makeApp())
        _ = try await client.get("/flash")
        let page = try await client.get("/template").text
        #expect(page == "[message] Saved\n[warning] Disk almost full\n[info] <b>Welcome</b>\nonly Disk almost full")
    }

    @Test func templatesReadTheSessionAsFlaskTemplatesDo() async throws {
        let client = TestClient(Self.makeApp())
        #expect(try await client.get("/profile").text == "anonymous")
        _ = try await client.get("/login/alice")
        let page = try await client.get("/profile")
        // Flask's page for the same template and session: the tuple printed by repr, then escaped.
        #expect(page.text == "alice|(&#39;admin&#39;, &#39;&lt;dev&gt;&#39;)|True|light|2|roles,username")
        #expect(page.headers["Vary"] == "Cookie")
    }

    @Test func aTemplateThatDoesNotUseTheSessionLeavesItUnaccessed() async throws {
        let client = TestClient(Self.makeApp())
        _ = try await client.get("/login/alice")
        #expect(try await client.get("/plain-template").headers["Vary"] == nil)
    }
}
