import AsyncWebTesting
import Foundation
import IOUring
import Testing

/// Editing templates and static files while the app serves, as `asyncweb run --debug` lets
/// one do without a restart: in debug mode, however it was turned on when the app started
/// (after its setup), a changed template is rendered anew, with the templates it extends
/// and includes; without it, the compiled template is kept, as Flask keeps it. Static files
/// are read from disk at every request either way. Run on the ProbeServer binary.
@Suite("Templates and static files edited while the app serves")
struct LiveReloadTests {
    static let page = [
        "templates/page.html": #"{% extends "layout.html" %}{% block body %}{% include "part.html" %}{% endblock %}"#,
        "templates/layout.html": "<main>{% block body %}{% endblock %}</main>",
        "templates/part.html": "first",
        "static/style.css": "main { color: red }",
    ]

    /// A ProbeServer serving `folder`'s templates and static files.
    static func start(_ folder: AppTemplateTests.TemplateFolder, arguments: [String] = [], environment: [String: String] = [:]) throws
        -> ServerProcess
    {
        var environment = environment
        environment["PROBE_TEMPLATE_FOLDER"] = folder.root + "/templates"
        environment["PROBE_STATIC_FOLDER"] = folder.root + "/static"
        return try ServerProcess.start(backend: .epoll, environment: environment, arguments: arguments)
    }

    static func edit(_ folder: AppTemplateTests.TemplateFolder, _ name: String, _ text: String) throws {
        try text.write(toFile: folder.root + "/" + name, atomically: true, encoding: .utf8)
    }

    /// `--debug`, `FLASK_DEBUG=1`, `ASYNCWEB_DEBUG=1` (what `asyncweb run --debug` sets).
    @Test(arguments: [
        (["--debug"], [:]),
        ([], ["FLASK_DEBUG": "1"]),
        ([], ["ASYNCWEB_DEBUG": "1"]),
    ] as [([String], [String: String])])
    func inDebugModeEditedTemplatesAreRenderedAnew(arguments: [String], environment: [String: String]) async throws {
        let folder = try AppTemplateTests.TemplateFolder(Self.page)
        let server = try Self.start(folder, arguments: arguments, environment: environment)
        #expect(try await server.get("/page")?.text == "<main>first</main>")
        try Self.edit(folder, "templates/page.html", #"{% extends "layout.html" %}{% block body %}[{% include "part.html" %}]{% endblock %}"#)
        #expect(try await server.get("/page")?.text == "<main>[first]</main>")
        try Self.edit(folder, "templates/layout.html", "<article>{% block body %}{% endblock %}</article>")
        #expect(try await server.get("/page")?.text == "<article>[first]</article>", "a template it extends")
        try Self.edit(folder, "templates/part.html", "second, longer")
        #expect(try await server.get("/page")?.text == "<article>[second, longer]</article>", "a template it includes")
    }

    @Test func withoutDebugModeTheCompiledTemplatesAreKept() async throws {
        let folder = try AppTemplateTests.TemplateFolder(Self.page)
        let server = try Self.start(folder)
        #expect(try await server.get("/page")?.text == "<main>first</main>")
        try Self.edit(folder, "templates/layout.html", "<article>{% block body %}{% endblock %}</article>")
        try Self.edit(folder, "templates/part.html", "second")
        #expect(try await server.get("/page")?.text == "<main>first</main>")
    }

    @Test(arguments: [false, true])
    func anEditedStaticFileIsServedAtTheNextRequest(debug: Bool) async throws {
        let folder = try AppTemplateTests.TemplateFolder(Self.page)
        let server = try Self.start(folder, arguments: debug ? ["--debug"] : [])
        #expect(try await server.get("/static/style.css")?.text == "main { color: red }")
        try Self.edit(folder, "static/style.css", "main { color: rebeccapurple }")
        #expect(try await server.get("/static/style.css")?.text == "main { color: rebeccapurple }")
    }
}
