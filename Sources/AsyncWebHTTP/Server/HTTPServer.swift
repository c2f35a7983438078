public import IOUring
internal import AsyncWebTLS
public import Logging
public import ServiceLifecycle
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The HTTP/1.1 server: one reactor per core, each with its own `SO_REUSEPORT` listening
/// socket (or its own duplicate of an inherited one), accepting connections and serving
/// them with an ``HTTPResponder``.
///
/// ```swift
/// let server = HTTPServer(configuration: ServerConfiguration(port: 8080), responder: app)
/// try await server.run()        // until shutdownGracefully() or, in a ServiceGroup, SIGTERM
/// ```
/// It is a swift-service-lifecycle `Service`: in a `ServiceGroup`, SIGINT/SIGTERM trigger a
/// graceful shutdown that stops accepting, closes idle connections, lets in-flight requests
/// finish for ``ServerConfiguration/shutdownGracePeriod``, then cancels what is left.
public final class HTTPServer: Service, Sendable {
    public let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let logger: Logger
    private let onReady: @Sendable (Listening) -> Void
    let state = Mutex(State())

    struct State {
        var address: SocketAddress?
        var acceptors: [ConnectionAcceptor] = []
        var registries: [(Reactor, ConnectionRegistry)] = []
        var shutdownRequested = false
        /// The TLS context new connections get; replaced by ``reloadTLSCertificate()``.
        var tls: TLSContext?
    }

    /// Where a started server listens, and what it does its I/O through.
    public struct Listening: Sendable {
        /// The address bound (with the real port when port 0 was asked for), or the one the
        /// inherited socket listens on.
        public let address: SocketAddress
        /// The I/O backend of the reactors, and why it was chosen.
        public let io: IOBackendSelection
        /// `https` when the server speaks TLS, else `http`.
        public let scheme: String
    }

    /// - Parameter onReady: called once the sockets listen, with the bound address and the
    ///   I/O backend chosen.
    public init(
        configuration: ServerConfiguration,
        responder: any HTTPResponder,
        logger: Logger = Logger(label: "AsyncWeb"),
        onReady: @escaping @Sendable (Listening) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.onReady = onReady
    }

    /// The address the server listens on, once it does.
    public var localAddress: SocketAddress? { state.withLock { $0.address } }

    /// Starts the reactors, listens, and serves until shut down.
    ///
    /// - Throws: ``InvalidServerConfiguration`` for a setting out of range (or a word
    ///   `ASYNCWEB_IO` does not know), ``IOUringUnavailable`` when io_uring was asked for and
    ///   is refused, ``IOError`` when the address cannot be bound (`EADDRINUSE`: the port is taken),
    ///   ``ListeningDescriptorError`` when ``ServerConfiguration/listeningDescriptor`` is not a
    ///   listening socket, ``TLSSetupError`` when the TLS certificate or key cannot be used.
    public func run() async throws {
        try configuration.validate()
        let tls = try configuration.tls.map { try TLSContext($0) }
        state.withLock { $0.tls = tls }
        let group = try ReactorGroup(
            count: configuration.reactorCount ?? ReactorGroup.onlineCPUCount,
            backend: configuration.requestedIOBackend())
        defer { group.shutdown() }
        let accessLog = try configuration.accessLog.map { try AccessLog($0, reactorCount: group.reactors.count) }
        // Runs before the reactors stop and after every connection closed: no line is lost.
        defer { accessLog?.stop() }
        let sockets = try bindSockets(count: group.reactors.count)
        let acceptors = zip(sockets, group.reactors).map { ConnectionAcceptor(listening: $0, reactor: $1) }
        let registries = group.reactors.map { ($0, ConnectionRegistry()) }
        let stopAtOnce = state.withLock { state in
            state.address = sockets[0].localAddress
            state.acceptors = acceptors
            state.registries = registries
            return state.shutdownRequested
        }
        if stopAtOnce { acceptors.forEach { $0.stop() } }
        // Before the banner: a deploy script may send SIGHUP as soon as it sees it.
        let reloadOnHangUp = tls == nil ? nil : reloadTLSCertificateOnSIGHUP()
        defer { reloadOnHangUp?.cancel() }
        onReady(Listening(address: sockets[0].localAddress, io: group.selection, scheme: tls == nil ? "http" : "https"))

        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { reactorTasks in
                for (acceptor, (reactor, registry)) in zip(acceptors, registries) {
                    reactorTasks.addTask(executorPreference: reactor) {
                        await self.serve(
                            acceptor: acceptor, registry: registry, reactor: reactor,
                            accessLog: accessLog?.sink(for: reactor.index))
                    }
                }
            }
        } onGracefulShutdown: {
            self.shutdownGracefully()
        }
        // Let the listening sockets go: the port is free once run() returns.
        state.withLock { state in
            state.acceptors = []
            state.registries = []
        }
    }

    /// Stops accepting, closes idle connections, and lets running requests finish (for at
    /// most the grace period). ``run()`` returns when they have. Callable from any thread.
    public func shutdownGracefully() {
        let (acceptors, registries) = state.withLock { state in
            state.shutdownRequested = true
            return (state.acceptors, state.registries)
        }
        acceptors.forEach { $0.stop() }
        for (reactor, registry) in registries {
            reactor.execute { registry.beginShutdown() }
        }
    }

    /// One listening socket per reactor: bound to the configured address, or duplicates of
    /// the inherited ``ServerConfiguration/listeningDescriptor``.
    private func bindSockets(count: Int) throws -> [ListeningSocket] {
        if let descriptor = configuration.listeningDescriptor {
            return try ListeningSocket.group(adopting: descriptor, count: count)
        }
        return try ListeningSocket.group(address: SocketAddress(host: configuration.host, port: configuration.port), count: count)
    }

    /// One reactor's accept loop, then its share of the shutdown.
    private func serve(acceptor: ConnectionAcceptor, registry: ConnectionRegistry, reactor: Reactor, accessLog: AccessLogSink?) async {
        while true {
            let connection: TCPConnection
            do {
                guard let accepted = try await acceptor.next() else { break }
                connection = accepted
            } catch {
                // Out of descriptors, most likely: pause rather than spin, then go on.
                logger.error("Accepting a connection failed", metadata: ["error": "\(error)"])
                try? await reactor.sleep(for: .milliseconds(50))
                continue
            }
            guard registry.count < configuration.maxConnectionsPerReactor else {
                refuse(connection)
                continue
            }
            guard let transport = transport(for: connection) else { continue }
            let handler = HTTPConnectionHandler(
                connection: transport, configuration: configuration, responder: responder, logger: logger,
                accessLog: accessLog, onClose: { registry.remove($0) })
            registry.insert(handler)
            handler.start()
        }

        let watchdog = Task(executorPreference: reactor) { [grace = configuration.shutdownGracePeriod] in
            guard (try? await reactor.sleep(for: grace)) != nil else { return }
            registry.cancelAll()
        }
        await registry.waitUntilEmpty()
        watchdog.cancel()
        await watchdog.value
    }

    /// The connection itself, or a TLS session on it when the server speaks TLS; nil (and the
    /// connection closed) when OpenSSL cannot start one.
    private func transport(for connection: TCPConnection) -> (any HTTPTransport)? {
        guard let tls = configuration.tls, let context = state.withLock({ $0.tls }) else { return connection }
        do {
            return try TLSConnection(
                connection, context: context, handshakeTimeout: tls.handshakeTimeout, plaintextRefusal: Self.plainHTTPOnTLSPort)
        } catch {
            logger.error("Starting a TLS session failed", metadata: ["error": "\(error)"])
            connection.close()
            return nil
        }
    }

    /// What a client speaking plain HTTP to the TLS port gets, as nginx answers it.
    private static let plainHTTPOnTLSPort: [UInt8] = {
        let body = "The plain HTTP request was sent to HTTPS port\n"
        return Array(
            "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
                .utf8)
    }()

    /// Answers a connection over the limit with 503 and closes it; on a TLS port it only
    /// closes it, since a plain answer would read as garbage to a TLS client and shaking
    /// hands first would spend the CPU the limit is there to save.
    private func refuse(_ connection: TCPConnection) {
        guard configuration.tls == nil else { return connection.close() }
        Task(executorPreference: connection.reactor) {
            let output = IOBuffer(capacity: 128)
            output.append("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            try? await connection.send(output, timeout: .seconds(1))
            connection.close()
        }
    }
}
