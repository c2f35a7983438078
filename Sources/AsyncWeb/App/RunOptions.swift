import ArgumentParser

/// The command-line flags of ``App/run(configuration:)``.
struct RunOptions: ParsableArguments {
    @Option(help: "The interface to bind to.")
    var host: String?

    @Option(help: "The port to bind to.")
    var port: Int?

    @Option(help: "Reactor threads (default: one per CPU).")
    var reactors: Int?

    @Flag(help: "Debug mode: detailed error pages (also FLASK_DEBUG=1).")
    var debug = false
}
