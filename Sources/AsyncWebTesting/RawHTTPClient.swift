import Glibc
import IOUring

/// A blocking HTTP/1.1 client over a plain socket, for tests that need to control every
/// byte on the wire: pipelining, malformed requests, slow senders, slow readers.
///
/// Each call blocks its thread: use it from ``onThread(_:)`` in async tests.
public final class RawHTTPClient: @unchecked Sendable {
    /// A parsed response.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        /// The first value of a header field, case-insensitively.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The body as UTF-8 text.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    private let fd: Int32
    private var buffered: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; reads give up after `timeout` seconds.
    public init(port: Int, timeout: Int = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        // No close here on failure: the object is fully initialized, so deinit closes the
        // socket, and a second close could hit a descriptor another thread just opened.
        guard result == 0 else { throw IOError(code: errno, operation: "connect") }
        setTimeout(seconds: timeout)
    }

    deinit { close(fd) }

    /// Changes how long a read waits before giving up.
    public func setTimeout(seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Makes closing send a reset instead of a FIN, as a client that crashes or gives up does;
    /// it also leaves no `TIME_WAIT` behind, so a test can open tens of thousands of connections.
    public func resetOnClose() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
    }

    /// Shrinks the kernel's receive buffer, to play a slow reader.
    public func setReceiveBufferSize(_ bytes: Int) {
        var size = Int32(bytes)
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sends raw bytes.
    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends raw bytes.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { throw IOError(code: errno, operation: "send") }
            offset += sent
        }
    }

    /// Reads one response (`Content-Length`, chunked, or until close), or nil if the
    /// connection closed before a status line.
    public func readResponse(forHead: Bool = false) throws -> Response? {
        guard let headEnd = try fill(until: { $0.firstRange(of: [13, 10, 13, 10])?.upperBound }) else { return nil }
        let head = String(decoding: buffered[..<headEnd], as: UTF8.self)
        buffered.removeFirst(headEnd)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: true)
        let statusLine = lines.removeFirst()
        let status = Int(statusLine.split(separator: " ")[1]) ?? 0
        let headers = lines.map { line -> (name: String, value: String) in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: " "))
        }
        var response = Response(status: status, headers: headers, body: [])
        if forHead || status < 200 || status == 204 || status == 304 { return response }
        if let length = response.header("Content-Length").flatMap({ Int($0) }) {
            _ = try fill { $0.count >= length ? length : nil }
            response.body = Array(buffered.prefix(length))
            buffered.removeFirst(min(length, buffered.count))
        } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            response.body = try readChunkedBody()
        } else {
            _ = try fill { _ in nil }
            response.body = buffered
            buffered.removeAll()
        }
        return response
    }

    /// Reads whatever arrives until the peer closes the connection.
    public func readUntilClosed() throws -> [UInt8] {
        _ = try fill { _ in nil }
        defer { buffered.removeAll() }
        return buffered
    }

    /// Whether the server closed the connection (a read sees end of stream).
    public func isClosedByServer() -> Bool {
        do {
            _ = try fill { _ in nil }
            return buffered.isEmpty
        } catch {
            return false
        }
    }

    /// Receives up to `count` bytes as they come, for slow-reader tests; 0 at end of stream.
    public func receive(upTo count: Int) throws -> [UInt8] {
        if !buffered.isEmpty {
            let taken = Array(buffered.prefix(count))
            buffered.removeFirst(taken.count)
            return taken
        }
        var chunk = [UInt8](repeating: 0, count: count)
        let received = try Self.receive(fd, into: &chunk)
        return Array(chunk[..<received])
    }

    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            guard let lineEnd = try fill(until: { $0.firstRange(of: [13, 10])?.upperBound }) else { return body }
            let sizeText = String(decoding: buffered[..<(lineEnd - 2)], as: UTF8.self)
            buffered.removeFirst(lineEnd)
            let size = Int(sizeText.split(separator: ";")[0], radix: 16) ?? 0
            _ = try fill { $0.count >= size + 2 ? size : nil }
            body += buffered.prefix(size)
            buffered.removeFirst(min(size + 2, buffered.count))
            if size == 0 { return body }
        }
    }

    /// Reads until `found` returns an index, or the peer closes (then nil).
    private func fill(until found: ([UInt8]) -> Int?) throws -> Int? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let index = found(buffered) { return index }
            let received = try Self.receive(fd, into: &chunk)
            if received == 0 { return nil }
            buffered += chunk[..<received]
        }
    }

    /// `recv(2)` into `chunk`, again when a signal interrupted it; 0 at end of stream.
    private static func receive(_ fd: Int32, into chunk: inout [UInt8]) throws -> Int {
        while true {
            let received = recv(fd, &chunk, chunk.count, 0)
            if received >= 0 { return received }
            if errno != EINTR { throw IOError(code: errno, operation: "recv") }
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
