import Foundation

/// `curl` as the HTTPS client, trusting the test CA (`--cacert`) with verification on: the
/// certificate must chain to it and name the host of the URL. `localhost` resolves to
/// 127.0.0.1, where the test servers listen.
enum Curl {
    /// - Parameter authority: the certificate to trust instead of the test CA.
    static func run(port: Int, _ arguments: [String], authority: String? = nil, timeout: Duration = .seconds(120)) throws -> ExternalTool.Finished {
        let trusted = try authority ?? TestCertificates.shared().authority
        return try ExternalTool.run(
            ["curl", "--silent", "--show-error", "--cacert", trusted, "--resolve", "localhost:\(port):127.0.0.1"]
                + arguments,
            timeout: timeout)
    }
}
