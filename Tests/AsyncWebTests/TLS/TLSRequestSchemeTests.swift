import AsyncWebTesting
import Foundation
import IOUring
import Testing

/// A request that came over TLS knows it: `request.scheme` is `https`, external URLs built
/// for it (`url(for:external: true)`) start with `https://` and the host the client asked
/// for, and `request.tls` holds the session curl negotiated.
@Suite("TLS: the request's scheme and session")
struct TLSRequestSchemeTests {
    @Test(arguments: IOBackend.allCases)
    func aRequestOverTLSIsHTTPSAndBuildsHTTPSURLs(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let fetched = try await server.serving {
            try await onThread { try Curl.run(port: server.port, ["--tlsv1.3", "https://localhost:\(server.port)/tls"]) }
        }
        #expect(fetched.status == 0, "\(fetched)")
        let seen = try JSONDecoder().decode([String: String].self, from: fetched.outputBytes)
        #expect(seen["scheme"] == "https")
        #expect(seen["external"] == "https://localhost:\(server.port)/")
        #expect(seen["version"] == "TLSv1.3")
        #expect(seen["cipher"]?.hasPrefix("TLS_") == true, "\(seen)")
        // curl offers h2 and http/1.1 (when built with HTTP/2): the server picks http/1.1.
        #expect(seen["alpn"] == "http/1.1")
    }

    /// The same app over plain HTTP, for contrast: the TLS fields are absent, not made up.
    @Test(arguments: IOBackend.allCases)
    func aPlainRequestHasNoTLSSession(io: IOBackend) async throws {
        let server = try await LiveServer.start(TLSProbeApp.make(), io: io)
        let fetched = try await server.serving {
            try await onThread { try Curl.run(port: server.port, ["http://localhost:\(server.port)/tls"]) }
        }
        #expect(fetched.status == 0, "\(fetched)")
        let seen = try JSONDecoder().decode([String: String].self, from: fetched.outputBytes)
        #expect(seen["scheme"] == "http")
        #expect(seen["external"] == "http://localhost:\(server.port)/")
        #expect(seen["version"] == "-")
        #expect(seen["sni"] == "-")
    }
}
