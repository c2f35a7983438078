import Foundation

/// Certificates made with the `openssl` command for the TLS tests, in a temporary folder: a
/// throwaway certificate authority, two server certificates it signed for `localhost`,
/// `sni.asyncweb.test` and `127.0.0.1` (the second one for the reload test), a key that
/// matches neither, and a file that is not PEM at all.
///
/// Clients trust ``authority`` (`curl --cacert`, `openssl s_client -CAfile`, Python's
/// `cafile`) and verify the server for real, as they would in production: no test turns
/// verification off. Made once per test process; every test reads the same files.
struct TestCertificates: Sendable {
    /// A server certificate and its key, with what identifies it.
    struct Identity: Sendable {
        let certificate: String
        let key: String
        /// SHA-256 of the DER certificate, lowercase hex without colons.
        let fingerprint: String
        /// base64 SHA-256 of the certificate's SubjectPublicKeyInfo: what Chromium's
        /// `--ignore-certificate-errors-spki-list` takes.
        let publicKeyHash: String
    }

    let folder: String
    /// The CA certificate clients trust.
    let authority: String
    /// RSA 2048, subjectAltName `DNS:localhost, DNS:sni.asyncweb.test, IP:127.0.0.1`.
    let first: Identity
    /// ECDSA P-256, same names, another key: what a renewed certificate looks like.
    let second: Identity
    /// A private key that belongs to no certificate here.
    let strayKey: String
    /// Text that is not PEM, at the path a certificate would be.
    let notPEM: String

    /// The certificates of this test process.
    static func shared() throws -> TestCertificates { try made.get() }

    private static let made = Result { try TestCertificates.make() }

    /// The folder, removed when the test process exits (every test reads it until then).
    nonisolated(unsafe) private static var folderToRemove: String?

    private static func make() throws -> TestCertificates {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asyncweb-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        folderToRemove = folder
        atexit { if let folder = TestCertificates.folderToRemove { try? FileManager.default.removeItem(atPath: folder) } }
        func path(_ name: String) -> String { folder + "/" + name }

        try ExternalTool.output([
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "30", "-subj", "/CN=AsyncWeb test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
        let extensions = path("server.ext")
        try """
            subjectAltName = DNS:localhost, DNS:sni.asyncweb.test, IP:127.0.0.1
            basicConstraints = CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth

            """.write(toFile: extensions, atomically: true, encoding: .utf8)

        func identity(_ name: String, key: [String]) throws -> Identity {
            try ExternalTool.output(
                ["openssl", "req", "-new", "-newkey"] + key + ["-nodes", "-keyout", path("\(name).key"), "-out", path("\(name).csr"), "-subj", "/CN=localhost"])
            try ExternalTool.output([
                "openssl", "x509", "-req", "-in", path("\(name).csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
                "-set_serial", String(UInt32.random(in: 1...UInt32.max)), "-days", "30", "-sha256", "-extfile", extensions,
                "-out", path("\(name).pem"),
            ])
            return Identity(
                certificate: path("\(name).pem"), key: path("\(name).key"),
                fingerprint: try fingerprint(ofCertificateFile: path("\(name).pem")),
                publicKeyHash: try publicKeyHash(ofCertificateFile: path("\(name).pem")))
        }
        let first = try identity("first", key: ["rsa:2048"])
        let second = try identity("second", key: ["ec", "-pkeyopt", "ec_paramgen_curve:P-256"])
        try ExternalTool.output(["openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", path("stray.key")])
        try "this is not a certificate\n".write(toFile: path("not-pem.pem"), atomically: true, encoding: .utf8)
        return TestCertificates(
            folder: folder, authority: path("ca.pem"), first: first, second: second, strayKey: path("stray.key"),
            notPEM: path("not-pem.pem"))
    }

    /// SHA-256 of a PEM certificate file, as `openssl x509 -fingerprint` computes it.
    static func fingerprint(ofCertificateFile path: String) throws -> String {
        // "sha256 Fingerprint=AB:CD:…"
        let line = try ExternalTool.output(["openssl", "x509", "-in", path, "-noout", "-fingerprint", "-sha256"])
        return normalizedFingerprint(String(line.split(separator: "=").last ?? ""))
    }

    /// `AB:CD:…` or `abcd…` as lowercase hex without colons.
    static func normalizedFingerprint(_ text: String) -> String {
        text.lowercased().filter(\.isHexDigit)
    }

    /// base64 SHA-256 of a certificate's SubjectPublicKeyInfo (DER), computed by `openssl`.
    static func publicKeyHash(ofCertificateFile path: String) throws -> String {
        let script = "openssl x509 -in \"$1\" -noout -pubkey | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64"
        return try ExternalTool.output(["sh", "-c", script, "sh", path]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
