/// What a TLS handshake settled, as the request sees it.
///
/// ```swift
/// app.get("/tls") { request in "\(request.tls?.version ?? "plain") to \(request.tls?.serverName ?? "-")" }
/// ```
public struct TLSSessionInfo: Sendable, Equatable {
    /// `TLSv1.3` or `TLSv1.2`.
    public let version: String
    /// The cipher suite, in OpenSSL's naming (`TLS_AES_128_GCM_SHA256`).
    public let cipher: String
    /// The application protocol chosen by ALPN (`http/1.1`), nil when the client offered none.
    public let applicationProtocol: String?
    /// The host name the client asked for with SNI, nil when it sent none (an IP address).
    public let serverName: String?
    /// Whether the session was resumed from a ticket rather than fully negotiated.
    public let isResumed: Bool
}
