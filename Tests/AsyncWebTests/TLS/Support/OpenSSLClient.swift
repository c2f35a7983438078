import Foundation

/// `openssl s_client` as the TLS client: the reference implementation, told exactly which
/// protocol versions, ciphers, ALPN protocols and server name to offer, and verifying the
/// server against the test CA (`-verify_return_error`: a bad certificate fails the handshake).
enum OpenSSLClient {
    /// What `s_client` reported about one connection.
    struct Handshake: Sendable, CustomStringConvertible {
        let finished: ExternalTool.Finished

        /// `TLSv1.3`, `TLSv1.2`, from `New, TLSv1.3, Cipher is …` (or `Reused, …`); nil when
        /// no session was set up.
        var version: String? { sessionLine.map { String($0.split(separator: ",")[1].trimmingCharacters(in: .whitespaces)) } }
        /// Whether the session was resumed (`Reused, …`).
        var isResumed: Bool { sessionLine?.hasPrefix("Reused,") ?? false }
        /// The protocol ALPN settled, nil for `No ALPN negotiated`.
        var alpn: String? { field("ALPN protocol: ") }
        /// `Verify return code: 0 (ok)` when the certificate chain verified.
        var verifiedOK: Bool { finished.output.contains("Verify return code: 0 (ok)") }
        /// The HTTP response that came back, when a request was sent (s_client's own
        /// reports, which may follow it, left out).
        var httpResponse: HTTPResponseReader.Response? {
            guard let start = finished.outputBytes.range(of: Data("HTTP/1.1 ".utf8)) else { return nil }
            return try? HTTPResponseReader.firstResponse(in: finished.outputBytes[start.lowerBound...])
        }

        /// The body of that response.
        var httpBody: String? { httpResponse?.body }

        /// The fields of `/tls` (the probe app's view of the session), when that was asked.
        var sessionSeenByApp: [String: String]? {
            httpBody.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }
        }

        private var sessionLine: Substring? {
            finished.output.split(separator: "\n").first { $0.hasPrefix("New, TLS") || $0.hasPrefix("Reused, TLS") }
        }

        private func field(_ prefix: String) -> String? {
            finished.output.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        }

        var description: String { finished.description }
    }

    /// Connects to 127.0.0.1:`port`, sends `request` (if any) and reads until the server
    /// closes; `arguments` say what to offer (`-tls1_2`, `-alpn h2`, …).
    ///
    /// - Parameter serverName: sent with SNI, and the name the certificate must be valid
    ///   for; nil sends no SNI, and the certificate must then be valid for 127.0.0.1.
    static func connect(
        port: Int, _ arguments: [String] = [], serverName: String? = "localhost", request: String? = nil,
        timeout: Duration = .seconds(60)
    ) throws -> Handshake {
        let certificates = try TestCertificates.shared()
        var command = ["openssl", "s_client", "-connect", "127.0.0.1:\(port)", "-CAfile", certificates.authority, "-verify_return_error"]
        if let serverName {
            command += ["-servername", serverName, "-verify_hostname", serverName]
        } else {
            command += ["-noservername", "-verify_ip", "127.0.0.1"]
        }
        // With a request, wait for the server to close after its answer; without, stdin
        // ends at once and s_client ends the connection itself after the handshake.
        if request != nil { command.append("-ign_eof") }
        return Handshake(finished: try ExternalTool.run(command + arguments, input: Array((request ?? "").utf8), timeout: timeout))
    }

    /// A GET that asks the server to close after answering, so `s_client` ends with it.
    static func get(_ target: String, host: String = "localhost") -> String {
        "GET \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n"
    }
}
