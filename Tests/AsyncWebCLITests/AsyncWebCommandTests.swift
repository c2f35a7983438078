import Foundation
import Glibc
import Testing

/// `asyncweb new`, `run` and `routes` as a user runs them: the built `asyncweb` on a package
/// it makes in `.build/cli-tests` (``CLITestPackage``).
///
/// Slow, and so kept together and serialized: the first run builds AsyncWeb inside that
/// package (up to 15 minutes on two cores; later runs reuse that build), and the tests edit
/// the package's sources and wait for `asyncweb run` to rebuild and restart the app (each
/// step bounded, failing with the step's name when it takes too long).
@Suite(.serialized) struct AsyncWebCommandTests {
    @Test func theNewPackagePassesItsOwnTests() async throws {
        let package = try await CLITestPackage.fresh()
        let tests = try SpawnedProcess(["swift", "test", "--scratch-path", CLITestPackage.scratchPath], in: package.folder)
        let status = try await tests.finish("swift test in the new package", within: CLITestPackage.rebuildTime)
        #expect(status == 0, "\(tests.output.suffix(4000))")
    }

    @Test func runPrintsFlasksBannerAndServesTheApp() async throws {
        let package = try await CLITestPackage.fresh()
        let (supervisor, port) = try await package.run()
        let page = try await HTTPProbe.get("/", port: port)
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Hello from hello!</h1>"))
        #expect(page.text.contains("href=\"/static/style.css\""))
        #expect(try await HTTPProbe.get("/static/style.css", port: port).status == 200)
        #expect(try await HTTPProbe.get("/api/hello", port: port).text.contains("Hello, World!"))
        let banner = """
             * Serving AsyncWeb app 'hello'
             * Debug mode: on
             * Running on http://127.0.0.1:\(port) (Press CTRL+C to quit)
             * Restarting with inotify

            """
        #expect(supervisor.output.hasPrefix(banner), "\(supervisor.output.prefix(1000))")
    }

    @Test func aSourceEditIsServedWithNoRequestRefused() async throws {
        let package = try await CLITestPackage.fresh()
        let (supervisor, port) = try await package.run()
        var failures: [String] = []
        _ = try await HTTPProbe.poll("/api/hello", port: port, "The first answer", within: CLITestPackage.rebuildTime, failures: &failures) {
            $0.text.contains("Hello, World!")
        }
        try package.edit("Sources/hello/main.swift", replacing: "Hello, World!", with: "Hello again!")
        let changed = try await HTTPProbe.poll(
            "/api/hello", port: port, "Serving the edited source", within: CLITestPackage.rebuildTime, failures: &failures
        ) { $0.text.contains("Hello again!") }
        #expect(changed.status == 200)
        #expect(failures.isEmpty, "requests failed during the restart: \(failures)")
        #expect(supervisor.output.contains(" * Detected change in 'Sources/hello/main.swift', reloading\n"))
        #expect(supervisor.output.components(separatedBy: " * Restarting with inotify\n").count == 3, "\(supervisor.output)")
    }

    @Test func aBrokenEditIsServedAsTheCompilersDiagnosticsUntilFixed() async throws {
        let package = try await CLITestPackage.fresh()
        let (supervisor, port) = try await package.run()
        var failures: [String] = []
        _ = try await HTTPProbe.poll("/", port: port, "The first answer", within: CLITestPackage.rebuildTime, failures: &failures) {
            $0.status == 200
        }
        let original = try package.read("Sources/hello/main.swift")
        let anchor = "    app.get(\"/api/hello\""
        try package.edit("Sources/hello/main.swift", replacing: anchor, with: "    let broken: Int = \"<text>\"\n" + anchor)
        let brokenLine = original.components(separatedBy: "\n").firstIndex { $0.hasPrefix(anchor) }! + 1

        let page = try await HTTPProbe.poll("/", port: port, "Serving the build's errors", within: CLITestPackage.rebuildTime, failures: &failures) {
            $0.status == 500
        }
        #expect(page.text.contains("Sources/hello/main.swift:\(brokenLine):"), "\(page.text.prefix(3000))")
        #expect(page.text.contains("cannot convert value of type &#39;String&#39; to specified type &#39;Int&#39;"))
        #expect(page.text.contains("&lt;text&gt;"))
        #expect(try await HTTPProbe.get("/any/other/path", port: port).status == 500)
        #expect(supervisor.output.contains("main.swift:\(brokenLine):"), "the terminal shows the compiler's output")

        try original.write(toFile: package.mainSwift, atomically: true, encoding: .utf8)
        let fixed = try await HTTPProbe.poll("/", port: port, "Serving the fixed app", within: CLITestPackage.rebuildTime, failures: &failures) {
            $0.status == 200
        }
        #expect(fixed.text.contains("Hello from hello!"))
        #expect(failures.isEmpty, "requests failed: \(failures)")
    }

    @Test func aTemplateEditIsServedWithoutARestart() async throws {
        let package = try await CLITestPackage.fresh()
        let (supervisor, port) = try await package.run()
        var failures: [String] = []
        _ = try await HTTPProbe.poll("/", port: port, "The first answer", within: CLITestPackage.rebuildTime, failures: &failures) {
            $0.text.contains("Hello from hello!")
        }
        let app = CLITestPackage.children(of: supervisor.pid)
        try package.edit("templates/index.html", replacing: "Hello from", with: "Greetings from")
        _ = try await HTTPProbe.poll("/", port: port, "Serving the edited template", within: .seconds(30), failures: &failures) {
            $0.text.contains("Greetings from hello!")
        }
        #expect(CLITestPackage.children(of: supervisor.pid) == app, "the app was not restarted")
        #expect(!supervisor.output.contains("Detected change"))
        #expect(failures.isEmpty)
    }

    @Test(arguments: [[], ["--sort", "rule", "--all-methods"]])
    func routesPrintsWhatFlaskRoutesPrintsForTheFlaskTwin(arguments: [String]) async throws {
        let package = try await CLITestPackage.fresh()
        let routes = try SpawnedProcess(
            [CLITestPackage.asyncweb, "routes", "--scratch-path", CLITestPackage.scratchPath] + arguments, in: package.folder,
            separateErrors: true)
        #expect(try await routes.finish("asyncweb routes", within: CLITestPackage.rebuildTime) == 0, "\(routes.errors)")
        let flask = try await FlaskTwin.routes(staticFolder: package.folder + "/static", arguments: arguments)
        #expect(routes.output == flask)
    }

    @Test func interruptStopsTheAppAndABuildInProgress() async throws {
        let package = try await CLITestPackage.fresh()
        let (supervisor, port) = try await package.run()
        var failures: [String] = []
        _ = try await HTTPProbe.poll("/", port: port, "The first answer", within: CLITestPackage.rebuildTime, failures: &failures) {
            $0.status == 200
        }
        let app = try #require(CLITestPackage.children(of: supervisor.pid).first)
        try package.edit("Sources/hello/main.swift", replacing: "Hello, World!", with: "Hello during a build")
        _ = try await supervisor.waitForOutput("Detected change", "Noticing the edit", within: .seconds(30))
        // The build starts once the change has settled.
        let deadline = ContinuousClock.now + .seconds(30)
        while CLITestPackage.children(of: supervisor.pid).count < 2 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let started = CLITestPackage.children(of: supervisor.pid)
        #expect(started.count == 2, "the app and the build: \(started)")

        supervisor.signal(SIGINT)
        #expect(try await supervisor.finish("asyncweb run stopping at SIGINT", within: .seconds(30)) == 0)
        #expect(!CLITestPackage.isAlive(app))
        let left = ProcessTable.commandLines(containing: CLITestPackage.workFolder)
        #expect(left.isEmpty, "still running: \(left)")
    }
}
