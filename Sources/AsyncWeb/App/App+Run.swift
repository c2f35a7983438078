import IOUring
import Logging
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

extension App {
    /// Serves the app until SIGINT or SIGTERM, then shuts down gracefully (Flask's `app.run()`).
    ///
    /// The app's setup is frozen from here: registering a route afterwards stops the process
    /// with Flask's explanation. The banner (` * Running on http://…`) goes to ``App/logger``,
    /// which prints it as it is on the terminal (``ConsoleLogHandler``).
    ///
    /// Command-line flags override `configuration`: `--host`, `--port`, `--reactors`,
    /// `--io auto|io_uring|epoll` (or `ASYNCWEB_IO`) for the I/O backend, `--debug` (or
    /// `FLASK_DEBUG=1`, or `ASYNCWEB_DEBUG=1`) for debug mode, and `--cert FILE --key FILE`
    /// (or `--cert adhoc`) for HTTPS. Each request is logged as Flask's development server logs
    /// it, on standard error; `--no-access-log` (or the config key `ACCESS_LOG = false`) turns
    /// that off, `--access-log-format combined` and `--access-log-file FILE` pick the format
    /// and the file for production (see ``accessLog(_:options:)``). The banner names the
    /// backend (` * I/O: io_uring`), and why when io_uring was refused and epoll serves
    /// instead. Started by `asyncweb run` (`ASYNCWEB_LISTEN_FD` set), it serves the socket
    /// the supervisor keeps open, leaves the lines the supervisor prints out of its banner,
    /// and stops when the supervisor dies.
    /// The subcommand `routes [--sort endpoint|methods|rule|match] [--all-methods]` prints
    /// the app's routes as `flask routes` does and returns without serving.
    /// When the port is taken, a setting is out of range, io_uring was asked for and is
    /// refused, or the TLS certificate or key cannot be used, it prints one line saying so
    /// and exits with status 1.
    public func run(configuration: ServerConfiguration = ServerConfiguration()) async throws {
        let options: RunOptions
        switch AppCommand.parseActionOrExit() {
        case .serve(let parsed): options = parsed
        case .printRoutes(let routes): return printRoutes(routes)
        }
        var configuration = serverConfiguration(configuration)
        if let host = options.host { configuration.host = host }
        if let port = options.port { configuration.port = port }
        if let reactors = options.reactors { configuration.reactorCount = reactors }
        if let io = options.io?.backend { configuration.ioBackend = io }
        if let tls = options.tls { configuration.tls = tls }
        configuration.accessLog = accessLog(configuration.accessLog, options: options.accessLog)
        let supervised = adoptSupervisorSocket(into: &configuration)
        if options.debug || DebugEnvironment.asksForDebug(ProcessEnvironment.current) { debug = true }

        let logger = self.logger
        // From here no more setup: the app serves what it has.
        _ = pipeline
        // The debug page's call stacks need the process's binaries listed, which is safe
        // only while no other thread may be unmapping files: now, before serving.
        if debug { CallStack.listProcessImages() }
        // Under a supervisor these lines are its own, printed once rather than at each restart.
        if !supervised {
            logger.info(" * Serving AsyncWeb app '\(name)'")
            logger.info(" * Debug mode: \(debug ? "on" : "off")")
        }
        let server = HTTPServer(configuration: configuration, responder: self, logger: logger) { listening in
            logger.info(" * I/O: \(listening.io)")
            if !supervised {
                logger.info(" * Running on \(listening.scheme)://\(listening.address) (Press CTRL+C to quit)")
            }
        }
        let services = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: server)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        do {
            try await services.run()
        } catch let error as IOError where error.code == EADDRINUSE {
            Self.exit(
                "Port \(configuration.port) is in use by another program. Either identify and stop that program, or start the server with a different port (--port \(configuration.port + 1)).")
        } catch let error as IOUringUnavailable {
            Self.exit("Cannot start the server: \(error)")
        } catch let error as InvalidServerConfiguration {
            Self.exit("Cannot start the server: \(error)")
        } catch let error as TLSSetupError {
            Self.exit("Cannot start the server: \(error)")
        } catch let error as ListeningDescriptorError {
            let source = supervised ? "\(Self.listeningDescriptorVariable)=\(error.descriptor), but " : ""
            Self.exit("Cannot start the server: \(source)\(error).")
        }
    }

    static func exit(_ message: String) -> Never {
        say(message, to: STDERR_FILENO)
        Glibc.exit(1)
    }

    /// Writes a line unbuffered, so it shows at once even when output is piped: the reason
    /// the server cannot start, printed (as Werkzeug prints it) rather than logged.
    private static func say(_ line: String, to descriptor: Int32) {
        var text = line + "\n"
        text.withUTF8 { bytes in _ = Glibc.write(descriptor, bytes.baseAddress, bytes.count) }
    }
}
