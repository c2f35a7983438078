/// How a server proves who it is over TLS: a certificate chain and its private key, as PEM
/// files, or a certificate made up at start-up for local development.
///
/// ```swift
/// ServerConfiguration(port: 8443, tls: .files(certificateChain: "cert.pem", privateKey: "key.pem"))
/// ServerConfiguration(port: 8443, tls: .adhoc)        // flask run --cert=adhoc
/// ```
/// Whatever the certificate, the protocol is the same: TLS 1.2 and 1.3 only, with
/// Mozilla's "intermediate" cipher suites, ALPN offering `http/1.1`, and session tickets.
public struct TLSConfiguration: Sendable, Equatable {
    /// Where the certificate comes from.
    public enum Certificate: Sendable, Equatable {
        /// PEM files: the server's certificate followed by its intermediates, and the key.
        /// Read again on SIGHUP, for the connections that come after.
        case files(certificateChain: String, privateKey: String)
        /// A self-signed certificate for `localhost` and `127.0.0.1`, made in memory at
        /// start-up, as Werkzeug's adhoc mode does: browsers warn, as they should.
        case adhoc
    }

    public var certificate: Certificate
    /// How long a client has to complete its handshake. 10 seconds by default.
    public var handshakeTimeout: Duration

    public init(certificate: Certificate, handshakeTimeout: Duration = .seconds(10)) {
        self.certificate = certificate
        self.handshakeTimeout = handshakeTimeout
    }

    /// TLS with the certificate chain and key in these PEM files.
    public static func files(certificateChain: String, privateKey: String) -> TLSConfiguration {
        TLSConfiguration(certificate: .files(certificateChain: certificateChain, privateKey: privateKey))
    }

    /// TLS with a self-signed certificate made at start-up (development only).
    public static var adhoc: TLSConfiguration { TLSConfiguration(certificate: .adhoc) }
}
