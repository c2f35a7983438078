import Foundation
import Testing
import TestSupport

/// `asyncweb render`, run as the built executable.
@Suite("asyncweb render")
struct RenderCommandTests {
    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    /// The `asyncweb` binary beside the test bundle (`swift build --build-tests` builds it).
    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("asyncweb")
    }

    private func run(_ arguments: [String]) throws -> Run {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.executable.path),
            "build the asyncweb executable first: swift build --build-tests")
        let finished = try Subprocess.run(Self.executable, arguments)
        return Run(
            status: finished.status, output: String(decoding: finished.output, as: UTF8.self),
            errors: String(decoding: finished.errors, as: UTF8.self))
    }

    private func folder(_ files: [String: String]) throws -> String {
        let root = NSTemporaryDirectory() + "asyncweb-render-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: root + "/" + name, atomically: true, encoding: .utf8) }
        return root
    }

    @Test func printsTheRenderedTemplateWithItsJSONContext() throws {
        let root = try folder([
            "layout.html": "<title>{% block title %}{% endblock %}</title>",
            "page.html": "{% extends 'layout.html' %}{% block title %}{{ name }} {{ n }} {{ ratio }}{% endblock %}",
            "context.json": #"{"name": "<Ada>", "n": 1, "ratio": 1.0}"#,
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try run(["render", "--templates", root, "page.html", "--context", root + "/context.json"])
        #expect(result.status == 0)
        #expect(result.output == "<title>&lt;Ada&gt; 1 1.0</title>")
        #expect(result.errors.isEmpty)
    }

    @Test func errorsGoToStandardErrorWithTheTemplateAndLine() throws {
        let root = try folder(["bad.html": "fine\n{% if %}"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try run(["render", "--templates", root, "bad.html"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("TemplateSyntaxError: Expected an expression, got 'end of statement block'"))
        #expect(result.errors.contains("File \"bad.html\", line 2"))
    }

    @Test func aMissingTemplateNamesTheFolderSearched() throws {
        let root = try folder([:])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try run(["render", "--templates", root, "nope.html"])
        #expect(result.status == 1)
        #expect(result.errors.contains("TemplateNotFound: nope.html"))
        #expect(result.errors.contains(root))
    }

    @Test func strictModeFailsOnUndefinedValues() throws {
        let root = try folder(["page.txt": "[{{ missing }}]"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try run(["render", "--templates", root, "page.txt"]).output == "[]")
        let strict = try run(["render", "--templates", root, "--strict", "page.txt"])
        #expect(strict.status == 1 && strict.errors.contains("UndefinedError: 'missing' is undefined"))
    }
}
