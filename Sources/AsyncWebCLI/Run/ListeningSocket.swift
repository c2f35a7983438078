#if canImport(Glibc)
import Glibc
#endif

/// The socket `asyncweb run` listens on for its whole life and lends to each server process
/// it starts: connections made while one process gives way to the next wait in its backlog
/// instead of being refused.
struct ListeningSocket {
    /// The descriptor; not close-on-exec, since children inherit it.
    let descriptor: Int32
    /// How the banner shows the address: `127.0.0.1:5000`, `[::1]:5000`.
    let address: String

    /// Binds `host:port` (port 0 picks a free one) with `SO_REUSEADDR` and listens with a
    /// backlog of 1024.
    static func bind(host: String, port: Int) throws(CLIError) -> ListeningSocket {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &found)
        guard resolved == 0, let info = found?.pointee else {
            throw CLIError("Cannot listen on \(host): \(String(cString: gai_strerror(resolved))).")
        }
        defer { freeaddrinfo(found) }
        let descriptor = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
        guard descriptor >= 0 else { throw CLIError("Cannot create a socket: \(String(cString: strerror(errno))).") }
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard Glibc.bind(descriptor, info.ai_addr, info.ai_addrlen) == 0 else {
            let failure = errno
            close(descriptor)
            if failure == EADDRINUSE {
                // The words of App.run (and Werkzeug) for the same failure.
                throw CLIError(
                    "Port \(port) is in use by another program. Either identify and stop that program, or start the server with a different port (--port \(port + 1)).")
            }
            throw CLIError("Cannot listen on \(host):\(port): \(String(cString: strerror(failure))).")
        }
        guard listen(descriptor, 1024) == 0 else {
            let failure = errno
            close(descriptor)
            throw CLIError("Cannot listen on \(host):\(port): \(String(cString: strerror(failure))).")
        }
        let shownHost = info.ai_family == AF_INET6 ? "[\(host)]" : host
        return ListeningSocket(descriptor: descriptor, address: "\(shownHost):\(boundPort(descriptor))")
    }

    /// The port the kernel gave the socket (the one asked for, or a free one for port 0).
    private static func boundPort(_ descriptor: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(descriptor, $0, &length) }
        }
        let port = withUnsafeBytes(of: &storage) { bytes in
            // sin_port and sin6_port sit at the same offset, in network byte order.
            bytes.load(fromByteOffset: 2, as: UInt16.self)
        }
        return Int(UInt16(bigEndian: port))
    }
}
