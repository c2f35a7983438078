internal import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

/// An OpenSSL server context: the certificate and key, and the protocol settings every
/// connection of it shares. Immutable once made, so all reactors use one.
///
/// Settings (Mozilla's "intermediate" profile, 2023): TLS 1.2 and 1.3 only; for 1.2, ECDHE
/// and DHE key exchange with AES-GCM or ChaCha20-Poly1305, the client's preference
/// honoured; groups X25519, P-256, P-384; no renegotiation, no compression. ALPN picks
/// `http/1.1`; sessions resume by ticket (keys OpenSSL makes, shared by all reactors), with
/// no server-side session cache.
public final class TLSContext: @unchecked Sendable {
    let context: OpaquePointer

    private static let tls12Ciphers = [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
        "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-GCM-SHA384", "DHE-RSA-CHACHA20-POLY1305",
    ].joined(separator: ":")
    private static let tls13Ciphers = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"

    /// Makes the context for `configuration`, reading its files now.
    ///
    /// - Throws: ``TLSSetupError`` naming the file and what is wrong with it: missing,
    ///   unreadable, not PEM, or a key that does not match the certificate.
    public convenience init(_ configuration: TLSConfiguration) throws(TLSSetupError) {
        switch configuration.certificate {
        case .files(let chain, let key):
            try self.init(certificateChainFile: chain, privateKeyFile: key)
        case .adhoc:
            let adhoc = try AdhocCertificate.make()
            try self.init { context throws(TLSSetupError) in
                guard SSL_CTX_use_certificate(context, adhoc.certificate) == 1,
                    SSL_CTX_use_PrivateKey(context, adhoc.key) == 1, SSL_CTX_check_private_key(context) == 1
                else { throw TLSSetupError("TLS adhoc certificate: \(OpenSSLError.drainReasons())") }
            }
        }
    }

    private convenience init(certificateChainFile chain: String, privateKeyFile key: String) throws(TLSSetupError) {
        try Self.checkReadable(chain, role: "certificate")
        try Self.checkReadable(key, role: "key")
        try self.init { context throws(TLSSetupError) in
            guard SSL_CTX_use_certificate_chain_file(context, chain) == 1 else {
                throw TLSSetupError("TLS certificate \(chain): not a PEM certificate (\(OpenSSLError.drainReasons()))")
            }
            guard SSL_CTX_use_PrivateKey_file(context, key, SSL_FILETYPE_PEM) == 1 else {
                let reasons = OpenSSLError.drainReasons()
                if reasons.contains("mismatch") {
                    throw TLSSetupError("TLS key \(key) does not match the certificate \(chain)")
                }
                throw TLSSetupError("TLS key \(key): not a PEM private key (\(reasons))")
            }
            // A key of another algorithm than the certificate's is taken above unchecked.
            guard SSL_CTX_check_private_key(context) == 1 else {
                _ = OpenSSLError.drainReasons()
                throw TLSSetupError("TLS key \(key) does not match the certificate \(chain)")
            }
        }
    }

    /// The protocol settings, then `installCertificate`, which loads a certificate and its key
    /// and checks that they belong together.
    private init(installCertificate: (OpaquePointer) throws(TLSSetupError) -> Void) throws(TLSSetupError) {
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw TLSSetupError("TLS: OpenSSL cannot make a context (\(OpenSSLError.drainReasons()))")
        }
        self.context = context
        _ = COpenSSL_CTX_set_min_proto_version(context, TLS1_2_VERSION)
        _ = SSL_CTX_set_options(context, COpenSSL_server_options())
        guard SSL_CTX_set_cipher_list(context, Self.tls12Ciphers) == 1,
            SSL_CTX_set_ciphersuites(context, Self.tls13Ciphers) == 1,
            COpenSSL_CTX_set1_groups_list(context, "X25519:prime256v1:secp384r1") == 1
        else { throw TLSSetupError("TLS: OpenSSL refuses the cipher settings (\(OpenSSLError.drainReasons()))") }
        COpenSSL_CTX_disable_session_cache(context)
        SSL_CTX_set_alpn_select_cb(context, selectHTTP1, nil)
        try installCertificate(context)
    }

    deinit { SSL_CTX_free(context) }

    /// A file that cannot be opened is named with the system's reason, before OpenSSL's
    /// vaguer "no such file" or "system lib" gets a say.
    private static func checkReadable(_ path: String, role: String) throws(TLSSetupError) {
        guard let file = fopen(path, "r") else {
            throw TLSSetupError("TLS \(role) \(path): \(String(cString: strerror(errno)))")
        }
        fclose(file)
    }
}

/// ALPN: `http/1.1` when the client offers it; without a match the handshake goes on
/// without ALPN, as a client that offers only `h2` still speaks HTTP/1.1 when it must.
private let http1Protocol: [UInt8] = [8] + Array("http/1.1".utf8)

private func selectHTTP1(
    _ ssl: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, _ outLength: UnsafeMutablePointer<UInt8>?,
    _ offered: UnsafePointer<UInt8>?, _ offeredLength: UInt32, _ argument: UnsafeMutableRawPointer?
) -> Int32 {
    guard let offered, let out, let outLength else { return SSL_TLSEXT_ERR_NOACK }
    var cursor = 0
    while cursor < Int(offeredLength) {
        let length = Int(offered[cursor])
        let start = cursor + 1
        guard start + length <= Int(offeredLength) else { break }
        if length == 8 && (0..<8).allSatisfy({ offered[start + $0] == http1Protocol[1 + $0] }) {
            out.pointee = offered + start
            outLength.pointee = 8
            return SSL_TLSEXT_ERR_OK
        }
        cursor = start + length
    }
    return SSL_TLSEXT_ERR_NOACK
}
