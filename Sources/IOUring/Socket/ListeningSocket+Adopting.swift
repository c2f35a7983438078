internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

extension ListeningSocket {
    /// Listening sockets for `count` reactors on a socket that already listens: one
    /// duplicate of `descriptor` each, all sharing its accept queue.
    ///
    /// A process that inherits its listening socket serves it this way: from a supervisor
    /// that keeps the socket open across restarts of the server (`asyncweb run`), or from
    /// systemd's socket activation. Each socket closes only its own duplicate; `descriptor`
    /// itself stays open, the caller's.
    /// ```swift
    /// let sockets = try ListeningSocket.group(adopting: 3, count: group.reactors.count)
    /// ```
    /// - Throws: ``ListeningDescriptorError`` when `descriptor` is not an open, listening
    ///   IPv4 or IPv6 stream socket, or cannot be duplicated (out of descriptors).
    public static func group(adopting descriptor: Int32, count: Int) throws(ListeningDescriptorError) -> [ListeningSocket] {
        let localAddress = try listeningAddress(of: descriptor)
        var sockets: [ListeningSocket] = []
        for _ in 0..<max(count, 1) {
            let duplicate = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
            guard duplicate >= 0 else { throw ListeningDescriptorError(descriptor: descriptor, problem: .cannotDuplicate(errno)) }
            sockets.append(ListeningSocket(owning: duplicate, localAddress: localAddress))
        }
        return sockets
    }

    /// The address `descriptor` listens on, once it is known to be a listening TCP socket.
    private static func listeningAddress(of descriptor: Int32) throws(ListeningDescriptorError) -> SocketAddress {
        func fail(_ problem: ListeningDescriptorError.Problem) -> ListeningDescriptorError {
            ListeningDescriptorError(descriptor: descriptor, problem: problem)
        }
        guard fcntl(descriptor, F_GETFD) >= 0 else { throw fail(.notOpen) }
        guard let type = option(SO_TYPE, of: descriptor) else { throw fail(.notASocket) }
        guard type == Int32(SOCK_STREAM.rawValue) else { throw fail(.notAStreamSocket) }
        guard let domain = option(SO_DOMAIN, of: descriptor), domain == AF_INET || domain == AF_INET6 else {
            throw fail(.notAnInternetSocket)
        }
        guard option(SO_ACCEPTCONN, of: descriptor) == 1 else { throw fail(.notListening) }
        do throws(IOError) {
            return try SocketAddress.local(of: descriptor)
        } catch {
            throw fail(.notAnInternetSocket)
        }
    }

    /// An integer socket option at `SOL_SOCKET`; nil when `descriptor` is not a socket.
    private static func option(_ name: Int32, of descriptor: Int32) -> Int32? {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(descriptor, SOL_SOCKET, name, &value, &length) == 0 ? value : nil
    }
}
