@testable import AsyncWeb
import Foundation
import Testing
import TestSupport

/// `routes`, the subcommand of every app binary (`Quickstart routes`): the table `flask
/// routes` prints for the Flask twin of the app, byte for byte, and no server started.
@Suite("Routes command")
struct RoutesCommandTests {
    static let quickstart = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("Quickstart").path

    /// The Quickstart's Flask twin (`Fixtures/oracle`, a copy of shared/oracle).
    static func oracleApp() throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("oracle/flask_quickstart.py").path
    }

    /// `flask --app flask_quickstart routes` with `arguments`; its output, which must be a success.
    static func flaskRoutes(_ arguments: [String]) throws -> String {
        // The oracle makes a folder for uploads at import unless given one.
        let finished = try ExternalTool.run(
            ["python3", "-m", "flask", "--app", oracleApp(), "routes"] + arguments, timeout: .seconds(60),
            environment: ["UPLOADS": NSTemporaryDirectory(), "FLASK_DEBUG": "0"])
        try #require(finished.status == 0 && !finished.timedOut, "\(finished)")
        return finished.output
    }

    static func runQuickstart(_ arguments: [String]) throws -> ExternalTool.Finished {
        try ExternalTool.run([quickstart] + arguments, timeout: .seconds(30))
    }

    @Test(arguments: [
        [], ["--sort", "endpoint"], ["--sort", "methods"], ["--sort", "rule"], ["--sort", "match"],
        ["--all-methods"], ["-s", "match", "--all-methods"], ["--all-methods", "--sort", "methods"],
    ])
    func quickstartListsTheRoutesFlaskListsForItsTwin(arguments: [String]) throws {
        let expected = try Self.flaskRoutes(arguments)
        let finished = try Self.runQuickstart(["routes"] + arguments)
        #expect(finished.status == 0 && !finished.timedOut, "\(finished)")
        #expect(finished.errors == "")
        #expect(finished.output == expected)
    }

    @Test func anUnknownSortIsAUsageErrorNamingTheChoices() throws {
        let finished = try Self.runQuickstart(["routes", "--sort", "domain"])
        #expect(finished.status == 64, "\(finished)")
        #expect(finished.errors.contains("Please provide one of 'endpoint', 'methods', 'rule' or 'match'."), "\(finished)")
        #expect(finished.output == "")
    }

    /// `--help` names the subcommand, and `routes --help` its own flags, under the binary's name.
    @Test func helpShowsTheSubcommandAndItsFlags() throws {
        let help = try Self.runQuickstart(["--help"])
        #expect(help.status == 0, "\(help)")
        #expect(help.output.contains("USAGE: Quickstart [<options>] [<subcommand>]"), "\(help)")
        #expect(help.output.contains("routes                  Show the routes for the app."), "\(help)")
        #expect(help.output.contains("--port <port>"), "\(help)")

        let routesHelp = try Self.runQuickstart(["routes", "--help"])
        #expect(routesHelp.status == 0, "\(routesHelp)")
        #expect(routesHelp.output.contains("USAGE: Quickstart routes [--sort <sort>] [--all-methods]"), "\(routesHelp)")
        #expect(routesHelp.output.contains("Show HEAD and OPTIONS methods."), "\(routesHelp)")
    }

    /// Flask's message, for an app without even a static folder.
    @Test func anAppWithoutRulesSaysSo() throws {
        let app = App("empty", staticFolder: nil, templateFolder: nil)
        #expect(app.routeTable(try RoutesOptions.parse([])).text == "No routes were registered.\n")
    }

    /// An app unlike the Quickstart, in Swift and in Flask: methods other than GET without
    /// automatic OPTIONS, a blueprint, and cells whose characters take more than one UTF-8
    /// byte (widths count characters, as Python's `len`).
    @Test(arguments: [[], ["--all-methods"], ["--sort", "methods"], ["--sort", "rule"], ["--sort", "match"]])
    func anotherAppListsAsItsFlaskTwin(arguments: [String]) throws {
        let app = App("twin", staticFolder: nil, templateFolder: nil)
        app.config["PROVIDE_AUTOMATIC_OPTIONS"] = false
        app.route("/ünïcode/<int:n>", methods: [.put, .delete, .patch], name: "café") { "" }
        app.get("/b", name: "b") { "" }
        let api = Blueprint("api", urlPrefix: "/api")
        api.route("/users", methods: [.get, .post], name: "users") { "" }
        api.get("/", name: "index") { "" }
        app.register(api)
        let script = """
            import sys
            from flask import Blueprint, Flask
            from flask.cli import routes_command
            app = Flask("twin", static_folder=None)
            app.config["PROVIDE_AUTOMATIC_OPTIONS"] = False
            app.add_url_rule("/ünïcode/<int:n>", "café", lambda n: "", methods=["PUT", "DELETE", "PATCH"])
            app.add_url_rule("/b", "b", lambda: "")
            api = Blueprint("api", "twin", url_prefix="/api")
            api.add_url_rule("/users", "users", lambda: "", methods=["GET", "POST"])
            api.add_url_rule("/", "index", lambda: "")
            app.register_blueprint(api)
            sys.stdout.write(app.test_cli_runner().invoke(routes_command, args=sys.argv[1:]).output)
            """
        let expected = String(decoding: try PythonOracle.run(script, arguments: arguments), as: UTF8.self)
        #expect(app.routeTable(try RoutesOptions.parse(arguments)).text == expected)
    }
}
