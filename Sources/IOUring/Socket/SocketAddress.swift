#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 or IPv6 socket address.
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    var storage = sockaddr_storage()
    var length: socklen_t

    /// Parses a numeric host (`127.0.0.1`, `::1`, `0.0.0.0`) or `localhost`, with a port.
    ///
    /// - Throws: ``IOError`` with `EINVAL` when `host` is not an IP address or `port` is
    ///   outside 0...65535.
    public init(host: String, port: Int) throws(IOError) {
        guard let port = UInt16(exactly: port) else {
            throw IOError(code: EINVAL, operation: "use port \(port), outside 0...65535,")
        }
        let host = host == "localhost" ? "127.0.0.1" : host
        let bracketless = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var ipv4 = sockaddr_in()
        if inet_pton(AF_INET, bracketless, &ipv4.sin_addr) == 1 {
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = in_port_t(port.bigEndian)
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: ipv4, as: sockaddr_in.self) }
            return
        }
        var ipv6 = sockaddr_in6()
        if inet_pton(AF_INET6, bracketless, &ipv6.sin6_addr) == 1 {
            ipv6.sin6_family = sa_family_t(AF_INET6)
            ipv6.sin6_port = in_port_t(port.bigEndian)
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: ipv6, as: sockaddr_in6.self) }
            return
        }
        throw IOError(code: EINVAL, operation: "parse address '\(host)'")
    }

    init(storage: sockaddr_storage, length: socklen_t) {
        self.storage = storage
        self.length = length
    }

    var family: Int32 { Int32(storage.ss_family) }

    /// The port number.
    public var port: Int {
        get {
            withUnsafeBytes(of: storage) { bytes in
                family == AF_INET6
                    ? Int(UInt16(bigEndian: bytes.load(as: sockaddr_in6.self).sin6_port))
                    : Int(UInt16(bigEndian: bytes.load(as: sockaddr_in.self).sin_port))
            }
        }
        set {
            let port = in_port_t(UInt16(newValue).bigEndian)
            withUnsafeMutableBytes(of: &storage) { bytes in
                // sin_port and sin6_port sit at the same offset, right after the family.
                bytes.storeBytes(of: port, toByteOffset: MemoryLayout<sa_family_t>.size, as: in_port_t.self)
            }
        }
    }

    /// The address without the port, as `inet_ntop` prints it (`127.0.0.1`, `::1`).
    public var host: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        withUnsafeBytes(of: storage) { bytes in
            if family == AF_INET6 {
                var address = bytes.load(as: sockaddr_in6.self).sin6_addr
                _ = inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
            } else {
                var address = bytes.load(as: sockaddr_in.self).sin_addr
                _ = inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
            }
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public var description: String {
        family == AF_INET6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    public static func == (lhs: SocketAddress, rhs: SocketAddress) -> Bool {
        lhs.description == rhs.description
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(description)
    }

    func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        withUnsafeBytes(of: storage) { bytes in
            body(bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }

    /// The local address a socket is bound to.
    static func local(of fd: Int32) throws(IOError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutableBytes(of: &storage) { bytes in
            getsockname(fd, bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self), &length)
        }
        guard result == 0 else { throw IOError.lastError("getsockname") }
        return SocketAddress(storage: storage, length: length)
    }

    /// The address of a connected socket's peer.
    static func peer(of fd: Int32) -> SocketAddress? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutableBytes(of: &storage) { bytes in
            getpeername(fd, bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self), &length)
        }
        return result == 0 ? SocketAddress(storage: storage, length: length) : nil
    }
}
