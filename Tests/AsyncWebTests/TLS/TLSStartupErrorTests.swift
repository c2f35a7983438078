import Foundation
import Testing

/// `app.run()` with a certificate it cannot use stops before it listens, saying why in one
/// line that names the file, and exits with status 1 (as `flask run --cert` does); flags
/// that do not go together are usage errors (status 64). Run on the Quickstart binary.
@Suite("TLS: certificate errors at start-up")
struct TLSStartupErrorTests {
    static let quickstart = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("Quickstart").path

    static func runQuickstart(_ arguments: [String]) throws -> ExternalTool.Finished {
        try ExternalTool.run([quickstart, "--host", "127.0.0.1", "--port", "0", "--reactors", "1"] + arguments, timeout: .seconds(30))
    }

    /// Exit status 1 and exactly `line` on standard error; the server never listened.
    static func expectRefusal(_ finished: ExternalTool.Finished, line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!finished.timedOut, "the server started instead of refusing: \(finished)", sourceLocation: sourceLocation)
        #expect(finished.status == 1, "\(finished)", sourceLocation: sourceLocation)
        #expect(finished.errors == line + "\n", sourceLocation: sourceLocation)
        #expect(!finished.output.contains("Running on"), "\(finished)", sourceLocation: sourceLocation)
    }

    @Test func aMissingCertificateFileIsNamed() throws {
        let certificates = try TestCertificates.shared()
        let missing = certificates.folder + "/missing.pem"
        let finished = try Self.runQuickstart(["--cert", missing, "--key", certificates.first.key])
        Self.expectRefusal(finished, line: "Cannot start the server: TLS certificate \(missing): No such file or directory")
    }

    @Test func aMissingKeyFileIsNamed() throws {
        let certificates = try TestCertificates.shared()
        let missing = certificates.folder + "/missing.key"
        let finished = try Self.runQuickstart(["--cert", certificates.first.certificate, "--key", missing])
        Self.expectRefusal(finished, line: "Cannot start the server: TLS key \(missing): No such file or directory")
    }

    /// OpenSSL's reason follows in parentheses; the line names the file first.
    @Test func aCertificateThatIsNotPEMIsNamed() throws {
        let certificates = try TestCertificates.shared()
        let finished = try Self.runQuickstart(["--cert", certificates.notPEM, "--key", certificates.first.key])
        let prefix = "Cannot start the server: TLS certificate \(certificates.notPEM): not a PEM certificate ("
        #expect(finished.status == 1, "\(finished)")
        #expect(finished.errors.hasPrefix(prefix), "\(finished)")
        #expect(finished.errors.hasSuffix(")\n") && finished.errors.split(separator: "\n").count == 1, "\(finished)")
    }

    /// A key of another certificate, of the same algorithm (EC and EC) or another (RSA
    /// certificate, EC key; EC certificate, RSA key): the same one line naming both files.
    @Test(arguments: [
        ("second", "stray"),
        ("first", "second"),
        ("second", "first"),
    ])
    func aKeyThatDoesNotMatchTheCertificateIsNamedWithIt(certificateName: String, keyName: String) throws {
        let certificates = try TestCertificates.shared()
        let certificate = certificateName == "first" ? certificates.first.certificate : certificates.second.certificate
        let key = ["first": certificates.first.key, "second": certificates.second.key, "stray": certificates.strayKey][keyName]!
        let finished = try Self.runQuickstart(["--cert", certificate, "--key", key])
        Self.expectRefusal(finished, line: "Cannot start the server: TLS key \(key) does not match the certificate \(certificate)")
    }

    /// Flask's rules for `--cert` and `--key`, checked before anything starts.
    @Test(arguments: [
        (["--key", "key.pem"], "\"--cert\" must also be specified."),
        (["--cert", "cert.pem"], "\"--key\" is required when using \"--cert\"."),
        (["--cert", "adhoc", "--key", "key.pem"], "When \"--cert\" is \"adhoc\", \"--key\" is not used."),
    ])
    func flagsThatDoNotGoTogetherAreUsageErrors(arguments: [String], message: String) throws {
        let finished = try Self.runQuickstart(arguments)
        #expect(finished.status == 64, "\(finished)")
        #expect(finished.errors.contains(message), "\(finished)")
        #expect(!finished.output.contains("Running on"), "\(finished)")
    }
}
