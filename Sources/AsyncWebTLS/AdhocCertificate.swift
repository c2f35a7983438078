internal import COpenSSL

/// A self-signed certificate for `localhost` and `127.0.0.1`, made in memory: what
/// `--cert adhoc` serves, as Werkzeug's adhoc mode does (which signs an RSA key for `*`).
///
/// The key is ECDSA P-256, quicker to make and to sign with than RSA; the certificate is
/// valid from now for a year, with both names in its subjectAltName as browsers require.
struct AdhocCertificate: ~Copyable {
    let certificate: OpaquePointer
    let key: OpaquePointer

    static func make() throws(TLSSetupError) -> AdhocCertificate {
        guard let key = COpenSSL_EC_generate("P-256") else {
            throw TLSSetupError("TLS adhoc certificate: no key (\(OpenSSLError.drainReasons()))")
        }
        guard let certificate = X509_new() else {
            EVP_PKEY_free(key)
            throw TLSSetupError("TLS adhoc certificate: \(OpenSSLError.drainReasons())")
        }
        let made = AdhocCertificate(certificate: certificate, key: key)
        guard made.fill() else { throw TLSSetupError("TLS adhoc certificate: \(OpenSSLError.drainReasons())") }
        return made
    }

    private func fill() -> Bool {
        guard X509_set_version(certificate, 2) == 1,  // v3, for the extension
            ASN1_INTEGER_set_int64(X509_get_serialNumber(certificate), Int64.random(in: 1...Int64.max)) == 1,
            X509_gmtime_adj(X509_getm_notBefore(certificate), 0) != nil,
            X509_gmtime_adj(X509_getm_notAfter(certificate), 365 * 24 * 3600) != nil,
            X509_set_pubkey(certificate, key) == 1,
            let name = X509_get_subject_name(certificate),
            X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, "AsyncWeb adhoc certificate", -1, -1, 0) == 1,
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, "localhost", -1, -1, 0) == 1,
            X509_set_issuer_name(certificate, name) == 1
        else { return false }
        var extensionContext = X509V3_CTX()
        X509V3_set_ctx(&extensionContext, certificate, certificate, nil, nil, 0)
        guard let alternativeNames = X509V3_EXT_conf_nid(nil, &extensionContext, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1")
        else { return false }
        defer { X509_EXTENSION_free(alternativeNames) }
        return X509_add_ext(certificate, alternativeNames, -1) == 1 && X509_sign(certificate, key, EVP_sha256()) > 0
    }

    deinit {
        X509_free(certificate)
        EVP_PKEY_free(key)
    }
}
