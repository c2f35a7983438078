import ArgumentParser
import Foundation
import AsyncWeb

/// `asyncweb run`: Flask's `flask run` for the package in the current folder. Builds its
/// executable product, serves it on a socket `asyncweb` holds, and in debug mode rebuilds
/// and restarts it when a Swift source changes.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Build and serve the package's app, rebuilding it on changes in debug mode.",
        discussion: """
            Run it in a Swift package's folder (or below). Debug mode (--debug, FLASK_DEBUG=1 or \
            ASYNCWEB_DEBUG=1) turns on the reloader: a change to a Swift file or Package.swift \
            rebuilds the app while the old one serves, then restarts it on the same socket, so no \
            request is refused. A build that fails is served as a page of the compiler's errors \
            until the next good one. Templates and static files are read afresh in debug mode \
            and need no restart.
            """
    )

    @Option(help: "The executable product to serve (needed when the package has several).")
    var app: String?

    @Option(help: "The interface to bind to.")
    var host = "127.0.0.1"

    @Option(help: "The port to bind to; 0 picks a free one.")
    var port = 5000

    @Flag(inversion: .prefixedNo, help: "Debug mode (default: FLASK_DEBUG or ASYNCWEB_DEBUG).")
    var debug: Bool?

    @Flag(inversion: .prefixedNo, help: "Rebuild and restart when a source file changes (default: on in debug mode).")
    var reload: Bool?

    @Option(help: "The build folder, passed to swift build.")
    var scratchPath: String?

    func run() throws {
        let package = try SwiftPackage.enterEnclosing(scratchPath: scratchPath)
        let product = try package.chooseProduct(app)
        let binary = try package.binaryFolder() + "/" + product
        let environment = ProcessInfo.processInfo.environment
        let debug = debug ?? DebugMode.isOn(in: environment)
        let reload = reload ?? debug
        let watcher = reload ? try SourceWatcher(packageRoot: package.root) : nil
        let socket: ListeningSocket
        do {
            socket = try ListeningSocket.bind(host: host, port: port)
        } catch {
            // One plain line, as Flask (and App.run) says it.
            Console.error(error.description)
            throw ExitCode.failure
        }
        SignalPipe.install()

        Console.say(" * Serving AsyncWeb app '\(product)'")
        Console.say(" * Debug mode: \(debug ? "on" : "off")")
        Console.say(" * Running on http://\(socket.address) (Press CTRL+C to quit)")
        if reload { Console.say(" * Restarting with inotify") }

        let settings = Supervisor.Settings(
            product: product, binary: binary, reload: reload,
            appEnvironment: DebugMode.appEnvironment(environment, debug: debug))
        let status = Supervisor(package: package, settings: settings, socket: socket, watcher: watcher).run()
        if status != 0 { throw ExitCode(status) }
    }
}

/// Debug mode as Flask reads it from the environment, and as the app is told of it.
enum DebugMode {
    /// Whether `FLASK_DEBUG` or `ASYNCWEB_DEBUG` asks for debug mode, as the app reads them.
    static func isOn(in environment: [String: String]) -> Bool {
        DebugEnvironment.asksForDebug(environment)
    }

    /// The app's environment: ours, with debug mode said once in `ASYNCWEB_DEBUG` (so that
    /// `--no-debug` wins over an exported `FLASK_DEBUG`), the listening socket's number, and
    /// our process ID (the app stops with us, and checks we are still there).
    static func appEnvironment(_ environment: [String: String], debug: Bool, supervisor: pid_t = getpid()) -> [String: String] {
        var environment = environment
        environment["FLASK_DEBUG"] = nil
        environment["ASYNCWEB_DEBUG"] = debug ? "1" : nil
        environment["ASYNCWEB_LISTEN_FD"] = String(ChildProcess.listeningDescriptor)
        environment["ASYNCWEB_SUPERVISOR_PID"] = String(supervisor)
        return environment
    }
}
