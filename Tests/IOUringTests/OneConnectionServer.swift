import IOUring

/// One reactor listening on a free port, for tests that serve a single connection by hand.
struct OneConnectionServer {
    let group: ReactorGroup
    let reactor: Reactor
    let port: Int
    private let acceptor: ConnectionAcceptor

    init(backend: IOBackend) throws {
        group = try ReactorGroup(count: 1, backend: backend)
        reactor = group.reactors[0]
        let listening = try ListeningSocket(address: SocketAddress(host: "127.0.0.1", port: 0))
        port = listening.localAddress.port
        acceptor = ConnectionAcceptor(listening: listening, reactor: reactor)
    }

    /// Accepts one connection on the reactor, runs `body` with it there, then closes it.
    func serve<Result: Sendable>(_ body: @escaping @Sendable (TCPConnection, Reactor) async -> Result) async -> Result? {
        await Task(executorPreference: reactor) { [acceptor, reactor] in
            guard let connection = try? await acceptor.next() else { return nil }
            defer { connection.close() }
            return await body(connection, reactor)
        }.value
    }

    func stop() {
        acceptor.stop()
        group.shutdown()
    }
}
