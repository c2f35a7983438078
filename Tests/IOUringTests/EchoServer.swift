import IOUring

/// A test echo server: every connection gets back what it sends, on its reactor.
struct EchoServer {
    let group: ReactorGroup
    let port: Int
    private let acceptors: [ConnectionAcceptor]
    private let tasks: [Task<Void, Never>]

    /// - Parameter sockets: one listening socket per reactor; by default, a new group on a free port.
    init(reactors: Int = 2, backend: IOBackend, sockets given: [ListeningSocket]? = nil) throws {
        group = try ReactorGroup(count: reactors, backend: backend)
        let sockets = try given ?? ListeningSocket.group(address: SocketAddress(host: "127.0.0.1", port: 0), count: reactors)
        port = sockets[0].localAddress.port
        acceptors = zip(sockets, group.reactors).map { ConnectionAcceptor(listening: $0, reactor: $1) }
        tasks = acceptors.map { acceptor in
            Task(executorPreference: acceptor.reactor) {
                await withDiscardingTaskGroup { group in
                    while let connection = try? await acceptor.next() {
                        group.addTask { await Self.echo(connection) }
                    }
                }
            }
        }
    }

    static func echo(_ connection: TCPConnection) async {
        let outbound = IOBuffer()
        defer { connection.close() }
        while (try? await connection.receive(timeout: .seconds(10))) == true {
            outbound.append(connection.inbound.readableBytes)
            connection.consume(connection.inbound.readableCount)
            guard (try? await connection.send(outbound)) != nil else { return }
        }
    }

    func stop() async {
        acceptors.forEach { $0.stop() }
        for task in tasks { await task.value }
        group.shutdown()
    }
}
