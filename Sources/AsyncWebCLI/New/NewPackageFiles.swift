/// The files of a package made by `asyncweb new`, each with its path in the package.
struct NewPackageFiles {
    let name: String
    let dependency: AsyncWebDependency

    /// The Swift module of the app's target: the name with `-` made `_`, as SwiftPM makes it.
    private var module: String { name.replacingOccurrences(of: "-", with: "_") }

    var files: [(path: String, contents: String)] {
        [
            ("Package.swift", manifest),
            ("Sources/\(name)/main.swift", mainSwift),
            ("templates/base.html", baseTemplate),
            ("templates/index.html", indexTemplate),
            ("static/style.css", styleSheet),
            ("Tests/\(name)Tests/\(module)Tests.swift", tests),
            (".gitignore", ".build/\n.swiftpm/\n"),
        ]
    }

    private var manifest: String {
        """
        // swift-tools-version: 6.0
        import PackageDescription

        let package = Package(
            name: "\(name)",
            platforms: [.macOS(.v15)],
            dependencies: [
                \(dependency.packageLine),
            ],
            targets: [
                .executableTarget(
                    name: "\(name)",
                    dependencies: [.product(name: "AsyncWeb", package: "\(dependency.identity)")]
                ),
                .testTarget(
                    name: "\(name)Tests",
                    dependencies: ["\(name)", .product(name: "AsyncWebTesting", package: "\(dependency.identity)")]
                ),
            ]
        )

        """
    }

    private var mainSwift: String {
        """
        import AsyncWeb

        /// The app: a page rendered from templates/, a style sheet from static/, and a JSON route.
        func makeApp() -> App {
            // Templates and static files live at the package's top, two folders above this file.
            let app = App("\(name)", rootPath: packageFolder())
            app.get("/", name: "index") {
                try renderTemplate("index.html", ["name": "\(name)"])
            }
            app.get("/api/hello", name: "hello") {
                try jsonify(["message": "Hello, World!"])
            }
            return app
        }

        private func packageFolder(file: StaticString = #filePath) -> String {
            String(describing: file).split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
        }

        // `asyncweb run` (or `swift run \(name) --debug`) serves it on http://127.0.0.1:5000.
        try await makeApp().run()

        """
    }

    private var baseTemplate: String {
        """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>{% block title %}\(name){% endblock %}</title>
          <link rel="stylesheet" href="{{ url_for('static', filename='style.css') }}">
        </head>
        <body>
          <main>
            {% block content %}{% endblock %}
          </main>
        </body>
        </html>

        """
    }

    private var indexTemplate: String {
        """
        {% extends "base.html" %}
        {% block content %}
        <h1>Hello from {{ name }}!</h1>
        <p>Change <code>templates/index.html</code> and reload the page: in debug mode templates are read afresh.</p>
        <p>Change <code>Sources/\(name)/main.swift</code>: <code>asyncweb run --debug</code> rebuilds and restarts the app.</p>
        <p>JSON: <a href="{{ url_for('hello') }}">{{ url_for('hello') }}</a></p>
        {% endblock %}

        """
    }

    private var styleSheet: String {
        """
        body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 40em; color: #222; }
        h1 { color: #2a5d8f; }
        code { background: #f2f2f2; padding: 0 .2em; }

        """
    }

    private var tests: String {
        """
        import AsyncWebTesting
        import Testing
        @testable import \(module)

        @Suite struct AppTests {
            @Test func indexRendersTheTemplate() async throws {
                let response = try await TestClient(makeApp()).get("/")
                #expect(response.status == 200)
                #expect(response.text.contains("Hello from \(name)!"))
            }

            @Test func helloAnswersJSON() async throws {
                let response = try await TestClient(makeApp()).get("/api/hello")
                #expect(try response.json(as: [String: String].self) == ["message": "Hello, World!"])
            }
        }

        """
    }
}
