import AsyncWebTesting
import Foundation
import IOUring
import Testing

/// `--cert adhoc` (Werkzeug's adhoc mode) serves HTTPS at once with a certificate made at
/// start-up, valid for both `localhost` and `127.0.0.1` as browsers require: its
/// subjectAltName says so, and curl, trusting that certificate alone, verifies the server
/// under either name.
@Suite("TLS: adhoc certificate")
struct TLSAdhocCertificateTests {
    @Test(arguments: IOBackend.allCases)
    func adhocServesHTTPSForLocalhostAnd127001(io: IOBackend) async throws {
        let server = try ServerProcess.start("Quickstart", backend: io, arguments: ["--cert", "adhoc"])
        #expect(server.output.contains(" * Running on https://127.0.0.1:\(server.port) (Press CTRL+C to quit)"), "\(server.output)")
        let port = server.port
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asyncweb-adhoc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let certificate = folder + "/adhoc.pem"

        let (alternativeNames, byName, byAddress) = try await onThread {
            // The certificate as the server presents it (not verified: nothing vouches for it yet).
            let presented = try ExternalTool.run(
                ["openssl", "s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost"], timeout: .seconds(60))
            guard let begin = presented.output.range(of: "-----BEGIN CERTIFICATE-----"),
                let end = presented.output.range(of: "-----END CERTIFICATE-----")
            else { throw ExternalTool.Failure(description: "no certificate from the adhoc server: \(presented)") }
            try String(presented.output[begin.lowerBound..<end.upperBound] + "\n").write(toFile: certificate, atomically: true, encoding: .utf8)
            let names = try ExternalTool.output(["openssl", "x509", "-in", certificate, "-noout", "-ext", "subjectAltName"])
            return (
                names,
                try Curl.run(port: port, ["https://localhost:\(port)/"], authority: certificate),
                try Curl.run(port: port, ["https://127.0.0.1:\(port)/"], authority: certificate)
            )
        }
        #expect(alternativeNames.contains("DNS:localhost"), "\(alternativeNames)")
        #expect(alternativeNames.contains("IP Address:127.0.0.1"), "\(alternativeNames)")
        #expect(byName.status == 0 && byName.output == "<p>Hello, World!</p>", "\(byName)")
        #expect(byAddress.status == 0 && byAddress.output == "<p>Hello, World!</p>", "\(byAddress)")
    }
}
