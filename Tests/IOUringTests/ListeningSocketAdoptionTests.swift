import Foundation
import Glibc
import IOUring
import Testing

/// A server serving a listening socket it inherited, one duplicate per reactor, as an app
/// process started by `asyncweb run` does.
@Suite("Adopting a listening socket")
struct ListeningSocketAdoptionTests {
    /// The socket as a supervisor holds it: bound, listening, kept open across servers.
    private static func supervisorSocket() throws -> ListeningSocket {
        try ListeningSocket(address: SocketAddress(host: "127.0.0.1", port: 0))
    }

    @Test(arguments: IOBackend.allCases)
    func reactorsSharingTheSocketServeEveryConnection(backend: IOBackend) async throws {
        let inherited = try Self.supervisorSocket()
        let sockets = try ListeningSocket.group(adopting: inherited.fd, count: 2)
        #expect(sockets.map(\.localAddress) == [inherited.localAddress, inherited.localAddress])
        #expect(Set(sockets.map(\.fd) + [inherited.fd]).count == 3)
        let server = try EchoServer(backend: backend, sockets: sockets)
        let port = inherited.localAddress.port
        let replies = try await onThread {
            let clients = try (0..<200).map { _ in try BlockingClient(port: port) }
            for (index, client) in clients.enumerated() { client.write("message \(index);") }
            return clients.enumerated().filter { index, client in
                let expected = "message \(index);"
                return String(decoding: client.read(count: expected.utf8.count), as: UTF8.self) == expected
            }.count
        }
        #expect(replies == 200)
        await server.stop()
    }

    /// The restart `asyncweb run` makes: the first server stops and closes its duplicates, a
    /// client connects while none accepts, and the next server on the same socket answers it.
    @Test(arguments: IOBackend.allCases)
    func aConnectionMadeBetweenTwoServersWaitsForTheSecond(backend: IOBackend) async throws {
        let inherited = try Self.supervisorSocket()
        let port = inherited.localAddress.port
        do {
            let first = try EchoServer(backend: backend, sockets: ListeningSocket.group(adopting: inherited.fd, count: 2))
            await first.stop()
        }
        var accepting: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(inherited.fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &length)
        #expect(accepting == 1, "the inherited descriptor still listens once the server has closed its own")

        let waiting = try BlockingClient(port: port)
        waiting.write("made in between")
        let second = try EchoServer(backend: backend, sockets: ListeningSocket.group(adopting: inherited.fd, count: 2))
        let reply = try await onThread { String(decoding: waiting.read(count: 15), as: UTF8.self) }
        #expect(reply == "made in between")
        await second.stop()
    }

    @Test func aDescriptorThatIsNotOpenIsRefused() throws {
        let descriptor = open("/dev/null", O_RDONLY)
        close(descriptor)
        #expect(throws: ListeningDescriptorError(descriptor: descriptor, problem: .notOpen)) {
            _ = try ListeningSocket.group(adopting: descriptor, count: 1)
        }
    }

    @Test func aFileIsRefusedAsNotASocket() throws {
        let descriptor = open("/dev/null", O_RDONLY)
        defer { close(descriptor) }
        #expect(throws: ListeningDescriptorError(descriptor: descriptor, problem: .notASocket)) {
            _ = try ListeningSocket.group(adopting: descriptor, count: 1)
        }
    }

    @Test func aDatagramSocketIsRefused() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(descriptor) }
        #expect(throws: ListeningDescriptorError(descriptor: descriptor, problem: .notAStreamSocket)) {
            _ = try ListeningSocket.group(adopting: descriptor, count: 1)
        }
    }

    @Test func aUnixDomainSocketIsRefused() throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        #expect(throws: ListeningDescriptorError(descriptor: descriptor, problem: .notAnInternetSocket)) {
            _ = try ListeningSocket.group(adopting: descriptor, count: 1)
        }
    }

    @Test func aBoundSocketThatDoesNotListenIsRefused() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(bound == 0)
        let refusal = ListeningDescriptorError(descriptor: descriptor, problem: .notListening)
        #expect(throws: refusal) {
            _ = try ListeningSocket.group(adopting: descriptor, count: 1)
        }
        #expect(refusal.description == "descriptor \(descriptor) is a socket that does not listen")
    }
}
