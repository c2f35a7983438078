import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `asyncweb routes`: Flask's `flask routes` for the package in the current folder. Builds
/// the app and runs its own `routes` subcommand, whose table and exit status are passed on.
struct RoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Show the routes of the package's app.",
        discussion: "The build's output goes to standard error, so standard output is the table alone."
    )

    /// The orders `flask routes --sort` offers.
    enum Sort: String, ExpressibleByArgument, CaseIterable {
        case endpoint, methods, rule, match
    }

    @Option(help: "The executable product whose routes to show (needed when the package has several).")
    var app: String?

    @Option(help: "Method to sort routes by. 'match' is the order the app matches routes in when dispatching a request.")
    var sort: Sort?

    @Flag(help: "Show HEAD and OPTIONS methods.")
    var allMethods = false

    @Option(help: "The build folder, passed to swift build.")
    var scratchPath: String?

    func run() throws {
        let package = try SwiftPackage.enterEnclosing(scratchPath: scratchPath)
        let product = try package.chooseProduct(app)
        let build = try ChildProcess(
            [SwiftPackage.swift] + package.buildArguments(product: product), environment: ProcessInfo.processInfo.environment,
            output: STDERR_FILENO)
        while build.isRunning { usleep(20_000) }
        guard build.exitCode == 0 else { throw CLIError("The build of '\(product)' failed (its output is above).") }

        var arguments = [try package.binaryFolder() + "/" + product, "routes"]
        if let sort { arguments += ["--sort", sort.rawValue] }
        if allMethods { arguments.append("--all-methods") }
        // The app's table, usage errors and exit status are its own: become it.
        let argv = arguments.map { strdup($0) } + [nil]
        execv(arguments[0], argv)
        throw CLIError("Cannot run \(arguments[0]): \(String(cString: strerror(errno))).")
    }
}
