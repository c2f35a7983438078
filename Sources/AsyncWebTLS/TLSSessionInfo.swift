/// What a TLS handshake settled, as the request sees it.
///
/// ```swift
/// app.get("/tls") { request in "\(request.tls?.version ?? "plain") to \(request.tls?.serverName ?? "-")" }
/// ```
///
/// A class, made once per connection: every request of the connection shares it, where a
/// struct of four strings was copied (and retained) into each one.
public final class TLSSessionInfo: Sendable, Equatable {
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

    init(version: String, cipher: String, applicationProtocol: String?, serverName: String?, isResumed: Bool) {
        self.version = version
        self.cipher = cipher
        self.applicationProtocol = applicationProtocol
        self.serverName = serverName
        self.isResumed = isResumed
    }

    public static func == (lhs: TLSSessionInfo, rhs: TLSSessionInfo) -> Bool {
        lhs.version == rhs.version && lhs.cipher == rhs.cipher && lhs.applicationProtocol == rhs.applicationProtocol
            && lhs.serverName == rhs.serverName && lhs.isResumed == rhs.isResumed
    }
}
