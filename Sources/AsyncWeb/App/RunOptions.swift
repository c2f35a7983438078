import ArgumentParser
import AsyncWebTLS
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

    @Option(help: "Serve HTTPS with this PEM certificate chain, or 'adhoc' for a self-signed one made at start-up.")
    var cert: String?

    @Option(help: "The PEM private key of --cert.")
    var key: String?

    @OptionGroup var accessLog: AccessLogOptions

    /// What `--cert` and `--key` ask for, checked as Flask's `run` checks them.
    var tls: TLSConfiguration? {
        guard let cert else { return nil }
        if cert == "adhoc" { return .adhoc }
        return key.map { .files(certificateChain: cert, privateKey: $0) }
    }

    mutating func validate() throws {
        switch (cert, key) {
        case ("adhoc", _?): throw ValidationError("When \"--cert\" is \"adhoc\", \"--key\" is not used.")
        case (nil, _?): throw ValidationError("\"--cert\" must also be specified.")
        case (let cert?, nil) where cert != "adhoc": throw ValidationError("\"--key\" is required when using \"--cert\".")
        default: break
        }
    }
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
