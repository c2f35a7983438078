import ArgumentParser
import IOUring

/// The command-line flags of ``App/run(configuration:)``.
struct RunOptions: ParsableArguments {
    @Option(help: "The interface to bind to.")
    var host: String?

    @Option(help: "The port to bind to.")
    var port: Int?

    @Option(help: "Reactor threads (default: one per CPU).")
    var reactors: Int?

    @Option(help: "I/O backend: io_uring, epoll, or auto (the default: ASYNCWEB_IO if set, else io_uring where permitted, else epoll).")
    var io: IOBackendOption?

    @Flag(help: "Debug mode: detailed error pages (also FLASK_DEBUG=1).")
    var debug = false
}

/// `--io`'s value: a backend, or `auto` to choose at start-up.
struct IOBackendOption: ExpressibleByArgument {
    /// `nil` for `auto`.
    let backend: IOBackend?

    init?(argument: String) {
        guard let parsed = IOBackend.parse(argument) else { return nil }
        backend = parsed
    }

    static var allValueStrings: [String] { ["auto"] + IOBackend.allCases.map(\.rawValue) }
}
