/// Why a TLS connection ended: the client broke the protocol, took too long to shake hands,
/// or did not speak TLS at all. The connection is closed; nothing else is affected.
public struct TLSError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The handshake was not done within ``TLSConfiguration/handshakeTimeout``.
        case handshakeTimeout
        /// The first bytes were not a TLS handshake record (plain HTTP, say).
        case notTLS
        /// OpenSSL refused what the client sent (no shared protocol or cipher, bad records).
        case protocolFailure
    }

    public let kind: Kind
    /// OpenSSL's reasons, for ``Kind/protocolFailure``.
    public let reason: String

    init(_ kind: Kind, reason: String = "") {
        self.kind = kind
        self.reason = reason
    }

    public var description: String {
        switch kind {
        case .handshakeTimeout: "TLS handshake timed out"
        case .notTLS: "not a TLS client (plain HTTP on the TLS port?)"
        case .protocolFailure: "TLS failed: \(reason)"
        }
    }
}
