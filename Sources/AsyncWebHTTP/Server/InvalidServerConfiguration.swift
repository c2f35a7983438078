import IOUring
#if canImport(Glibc)
import Glibc
#endif

/// A ``ServerConfiguration`` setting outside its range: ``HTTPServer/run()`` refuses to start
/// with it, rather than fail on the first connection.
public struct InvalidServerConfiguration: Error, Sendable, CustomStringConvertible {
    /// The setting's name, e.g. `maxHeaderBytes`.
    public let setting: String
    /// What the setting must be, and what it was.
    public let requirement: String

    public var description: String { "ServerConfiguration.\(setting) \(requirement)" }
}

extension ServerConfiguration {
    /// The environment variable that chooses the I/O backend when ``ioBackend`` is `nil`.
    static let ioBackendVariable = "ASYNCWEB_IO"

    /// The backend to ask the reactors for: ``ioBackend``, else `ASYNCWEB_IO`; `nil` for automatic.
    func requestedIOBackend() throws(InvalidServerConfiguration) -> IOBackend? {
        if let ioBackend { return ioBackend }
        guard let word = getenv(Self.ioBackendVariable).map({ String(cString: $0) }), !word.isEmpty else { return nil }
        guard let requested = IOBackend.parse(word) else {
            throw InvalidServerConfiguration(
                setting: "ioBackend", requirement: "(from \(Self.ioBackendVariable)) must be auto, io_uring or epoll, not '\(word)'")
        }
        return requested
    }

    /// Checks every setting's range.
    func validate() throws(InvalidServerConfiguration) {
        try require(0...65535 ~= port, "port", "must be 0...65535, not \(port)")
        if let listeningDescriptor {
            try require(listeningDescriptor >= 0, "listeningDescriptor", "must not be negative, not \(listeningDescriptor)")
        }
        if let reactorCount { try require(reactorCount > 0, "reactorCount", "must be positive, not \(reactorCount)") }
        try require(maxRequestLineLength > 0, "maxRequestLineLength", "must be positive, not \(maxRequestLineLength)")
        try require(maxHeaderBytes > 0, "maxHeaderBytes", "must be positive, not \(maxHeaderBytes)")
        try require(maxHeaderCount >= 0, "maxHeaderCount", "must not be negative, not \(maxHeaderCount)")
        if let maxBodySize { try require(maxBodySize >= 0, "maxBodySize", "must not be negative, not \(maxBodySize)") }
        try require(maxConnectionsPerReactor > 0, "maxConnectionsPerReactor", "must be positive, not \(maxConnectionsPerReactor)")
        try require(responseBatchSize >= 0, "responseBatchSize", "must not be negative, not \(responseBatchSize)")
        let timeouts: [(String, Duration)] = [
            ("headerReadTimeout", headerReadTimeout), ("bodyReadTimeout", bodyReadTimeout),
            ("idleTimeout", idleTimeout), ("sendTimeout", sendTimeout),
        ]
        for (name, timeout) in timeouts {
            try require(timeout > .zero, name, "must be positive, not \(timeout)")
        }
        try require(parkIdleConnectionAfter >= .zero, "parkIdleConnectionAfter", "must not be negative, not \(parkIdleConnectionAfter)")
        try require(shutdownGracePeriod >= .zero, "shutdownGracePeriod", "must not be negative, not \(shutdownGracePeriod)")
    }

    private func require(_ condition: Bool, _ setting: String, _ requirement: String) throws(InvalidServerConfiguration) {
        if !condition { throw InvalidServerConfiguration(setting: setting, requirement: requirement) }
    }
}
