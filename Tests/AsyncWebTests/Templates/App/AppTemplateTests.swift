import AsyncWeb
import AsyncWebTesting
import Foundation
import IOUring
import Testing

@Suite("Templates in an app")
struct AppTemplateTests {
    /// A folder of templates that disappears with the test.
    final class TemplateFolder: Sendable {
        let root = NSTemporaryDirectory() + "asyncweb-templates-\(UUID().uuidString)"

        init(_ files: [String: String]) throws {
            for (name, text) in files {
                let path = root + "/" + name
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    struct User: Encodable {
        let name: String
        let roles: [String]
    }

    @Test func renderTemplateLoadsFromTheTemplatesFolderAndEscapes() async throws {
        let folder = try TemplateFolder(["templates/hello.html": "<h1>Hello {{ person }}!</h1>"])
        let app = App("test", rootPath: folder.root)
        app.get("/hello/<name>") { request in try renderTemplate("hello.html", ["person": request.pathParameters["name"]]) }
        let response = try await TestClient(app).get("/hello/%3Cb%3E")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(response.text == "<h1>Hello &lt;b&gt;!</h1>")
    }

    @Test func encodableModelsBecomeTemplateValues() async throws {
        let folder = try TemplateFolder(["templates/user.html": "{{ user.name }}: {{ user.roles|join(', ') }}"])
        let app = App("test", rootPath: folder.root)
        app.get("/") { try renderTemplate("user.html", ["user": User(name: "Ada", roles: ["admin", "dev"])]) }
        #expect(try await TestClient(app).get("/").text == "Ada: admin, dev")
    }

    @Test func flaskGlobalsAreAvailable() async throws {
        let folder = try TemplateFolder([
            "templates/globals.html": """
                {{ url_for('user', name='ada', tab='x') }}|{{ request.args.get('q', 'none') }}|\
                {{ request.method }} {{ request.path }}|{{ g.who }}|{{ config.DEBUG }}|{{ request.endpoint }}
                """
        ])
        let app = App("test", rootPath: folder.root)
        app.get("/user/<name>", name: "user") { _ in "" }
        app.beforeRequest {
            g["who"] = "admin"
            return nil
        }
        app.get("/globals", name: "globals") { try renderTemplate("globals.html") }
        let text = try await TestClient(app).get("/globals?q=%3Ci%3E").text
        #expect(text == "/user/ada?tab=x|&lt;i&gt;|GET /globals|admin|False|globals")
    }

    @Test func renderTemplateStringEscapesLikeFlask() async throws {
        let app = App("test")
        app.get("/") { try renderTemplateString("{{ text }}{{ html }}", ["text": "<i>", "html": Markup("<b>")]) }
        #expect(try await TestClient(app).get("/").text == "&lt;i&gt;<b>")
    }

    @Test func textTemplatesDoNotEscape() async throws {
        let folder = try TemplateFolder(["templates/mail.txt": "Hi {{ name }}"])
        let app = App("test", rootPath: folder.root)
        app.get("/") { try renderTemplate("mail.txt", ["name": "<Ada>"]) }
        #expect(try await TestClient(app).get("/").text == "Hi <Ada>")
    }

    @Test func blueprintFoldersAreSearchedAfterTheAppsOwn() async throws {
        let folder = try TemplateFolder([
            "templates/shared.html": "app's",
            "admin/templates/shared.html": "admin's",
            "admin/templates/only.html": "admin only",
        ])
        let app = App("test", rootPath: folder.root)
        let admin = Blueprint("admin", urlPrefix: "/admin", templateFolder: folder.root + "/admin/templates")
        admin.get("/shared") { try renderTemplate("shared.html") }
        admin.get("/only") { try renderTemplate("only.html") }
        app.register(admin)
        let client = TestClient(app)
        #expect(try await client.get("/admin/shared").text == "app's")
        #expect(try await client.get("/admin/only").text == "admin only")
    }

    @Test func filtersTestsGlobalsAndContextProcessorsCanBeAdded() async throws {
        let app = App("test")
        app.templateFilter("shout") { value, _ in .string(try value.text().uppercased() + "!") }
        app.templateTest("short") { value, _ in try value.text().count < 4 }
        app.templateGlobal("site", "AsyncWeb")
        app.contextProcessor { ["year": 2026, "site": "overridden by the render"] }
        app.get("/") {
            try renderTemplateString(
                "{{ 'hi'|shout }} {{ 'abc' is short }} {{ site }} {{ year }}", ["site": "given"])
        }
        #expect(try await TestClient(app).get("/").text == "HI! True given 2026")
    }

    @Test func aMissingTemplateIsA500NamingTheFoldersSearched() async throws {
        let folder = try TemplateFolder(["templates/present.html": ""])
        let app = App("test", rootPath: folder.root)
        app.get("/") { try renderTemplate("absent.html") }
        #expect(try await TestClient(app).get("/").status == 500)
        let error = #expect(throws: TemplateError.self) { try app.renderTemplate("absent.html") }
        #expect(error?.kind == .notFound && error?.message == "absent.html")
        #expect(error?.description.contains(folder.root + "/templates") == true)
    }

    @Test func debugModeReloadsChangedTemplates() async throws {
        let folder = try TemplateFolder(["templates/page.html": "one"])
        let app = App("test", rootPath: folder.root)
        app.debug = true
        #expect(try app.renderTemplate("page.html") == "one")
        try "two, longer".write(toFile: folder.root + "/templates/page.html", atomically: true, encoding: .utf8)
        #expect(try app.renderTemplate("page.html") == "two, longer")
    }

    @Test func withoutDebugACompiledTemplateIsKept() async throws {
        let folder = try TemplateFolder(["templates/page.html": "one"])
        let app = App("test", rootPath: folder.root)
        #expect(try app.renderTemplate("page.html") == "one")
        try "two, longer".write(toFile: folder.root + "/templates/page.html", atomically: true, encoding: .utf8)
        #expect(try app.renderTemplate("page.html") == "one")
    }

    @Test func runtimeErrorsNameTheTemplateAndLine() async throws {
        let folder = try TemplateFolder(["templates/broken.html": "line one\n{{ user.name.first }}"])
        let app = App("test", rootPath: folder.root)
        let error = #expect(throws: TemplateError.self) { try app.renderTemplate("broken.html") }
        #expect(error?.kind == .undefined && error?.message == "'user' is undefined")
        #expect(error?.templateName == "broken.html" && error?.line == 2)
    }
}

@Suite("Templates over a live server")
struct LiveTemplateTests {
    @Test(arguments: IOBackend.allCases)
    func concurrentRequestsOnEveryReactorRenderTheSamePage(io: IOBackend) async throws {
        let folder = try AppTemplateTests.TemplateFolder([
            "templates/layout.html": "<ul>{% block items %}{% endblock %}</ul>",
            "templates/list.html": """
                {% extends 'layout.html' %}{% from 'macros.html' import item %}\
                {% block items %}{% for n in range(count) %}{{ item(n, request.args.get('tag', '')) }}{% endfor %}{% endblock %}
                """,
            "templates/macros.html": "{% macro item(n, tag) %}<li>{{ n }} {{ tag }}</li>{% endmacro %}",
        ])
        let app = App("test", rootPath: folder.root)
        app.get("/list") { try renderTemplate("list.html", ["count": 50]) }
        var configuration = ServerConfiguration()
        configuration.reactorCount = 2
        let server = try await LiveServer.start(app, configuration: configuration, io: io)
        let expected = "<ul>" + (0..<50).map { "<li>\($0) &lt;x&gt;</li>" }.joined() + "</ul>"
        // The first requests race to compile the templates; every answer must still be whole.
        try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let client = TestClient(server)
                    var bodies: [String] = []
                    for _ in 0..<25 { bodies.append(try await client.get("/list?tag=%3Cx%3E").text) }
                    return bodies
                }
            }
            for try await bodies in group {
                #expect(bodies.allSatisfy { $0 == expected })
            }
        }
        try await server.stop()
    }
}
