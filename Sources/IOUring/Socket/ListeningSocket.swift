internal import CLibURing
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A bound, listening TCP socket.
///
/// A server opens one per reactor on the same address with `SO_REUSEPORT`, so the kernel
/// spreads new connections over the reactors with no shared accept queue; or, serving a
/// socket it inherited, one duplicate of it per reactor (``group(adopting:count:)``).
public final class ListeningSocket: Sendable {
    /// The file descriptor.
    public let fd: Int32
    /// The address actually bound (the real port when port 0 was asked for).
    public let localAddress: SocketAddress

    /// Binds and listens.
    ///
    /// - Throws: ``IOError``; `EADDRINUSE` when another process holds the port.
    public init(address: SocketAddress, reusePort: Bool = false, backlog: Int32 = 1024) throws(IOError) {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw IOError.lastError("socket") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if reusePort {
            setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        let bound = address.withSockaddr { bind(fd, $0, $1) }
        guard bound == 0 else {
            let error = IOError.lastError("bind \(address)")
            close(fd)
            throw error
        }
        guard listen(fd, backlog) == 0 else {
            let error = IOError.lastError("listen")
            close(fd)
            throw error
        }
        self.fd = fd
        do throws(IOError) {
            localAddress = try SocketAddress.local(of: fd)
        } catch {
            close(fd)
            throw error
        }
    }

    /// Takes ownership of `fd`, a socket already listening on `localAddress`.
    init(owning fd: Int32, localAddress: SocketAddress) {
        self.fd = fd
        self.localAddress = localAddress
    }

    deinit { closeNow() }

    /// Makes `accept` return `EAGAIN` instead of blocking, as a readiness loop needs.
    func makeNonBlocking() throws(IOError) {
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else { throw IOError.lastError("fcntl O_NONBLOCK") }
    }

    /// Binds one listening socket per reactor on `address`, all sharing its port.
    ///
    /// `SO_REUSEPORT` would also let another process of the same user join a port and
    /// silently take part of its connections, so a given port is first bound exclusively:
    /// one that someone else holds fails here with `EADDRINUSE`. Port 0 is left to the
    /// kernel, whose first choice for a reuse-port socket is a port nobody holds; the rest
    /// of the group then joins that port.
    public static func group(address: SocketAddress, count: Int, backlog: Int32 = 1024) throws(IOError) -> [ListeningSocket] {
        if address.port != 0 {
            try ListeningSocket(address: address, reusePort: false, backlog: 1).closeNow()
        }
        let first = try ListeningSocket(address: address, reusePort: true, backlog: backlog)
        var shared = address
        shared.port = first.localAddress.port
        var sockets = [first]
        for _ in 1..<max(count, 1) {
            sockets.append(try ListeningSocket(address: shared, reusePort: true, backlog: backlog))
        }
        return sockets
    }

    private let closed = Atomic<Bool>(false)

    private func closeNow() {
        if !closed.exchange(true, ordering: .relaxed) { close(fd) }
    }
}
