import AsyncWebTesting
import Foundation
import IOUring
import Testing

/// What the handshake settles besides the version, seen from both ends: the client's report
/// (`openssl s_client`) and the app's (`request.tls`, the probe app's `/tls`). ALPN picks
/// `http/1.1` and does not fail a client that offers only `h2`; SNI reaches the app as
/// sent; a session ticket resumes a session, over TLS 1.3 and 1.2.
@Suite("TLS: ALPN, SNI and session resumption")
struct TLSNegotiationTests {
    @Test(arguments: IOBackend.allCases)
    func alpnPicksHTTP11WhenOfferedBesideH2(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let handshake = try await server.serving {
            try await onThread { try OpenSSLClient.connect(port: server.port, ["-alpn", "h2,http/1.1"], request: OpenSSLClient.get("/tls")) }
        }
        #expect(handshake.alpn == "http/1.1", "\(handshake)")
        #expect(handshake.sessionSeenByApp?["alpn"] == "http/1.1", "\(handshake)")
    }

    /// No protocol in common is not an error here: the handshake goes on without ALPN and
    /// the client, which must speak HTTP/1.1 then, is answered.
    @Test(arguments: IOBackend.allCases)
    func aClientOfferingOnlyH2IsServedWithoutALPN(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let handshake = try await server.serving {
            try await onThread { try OpenSSLClient.connect(port: server.port, ["-alpn", "h2"], request: OpenSSLClient.get("/tls")) }
        }
        #expect(handshake.finished.output.contains("No ALPN negotiated"), "\(handshake)")
        #expect(handshake.alpn == nil, "\(handshake)")
        #expect(handshake.sessionSeenByApp?["alpn"] == "-", "\(handshake)")
    }

    @Test(arguments: IOBackend.allCases)
    func theServerNameSentWithSNIReachesTheApp(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let (named, unnamed) = try await server.serving {
            try await onThread {
                (
                    try OpenSSLClient.connect(port: server.port, serverName: "sni.asyncweb.test", request: OpenSSLClient.get("/tls")),
                    try OpenSSLClient.connect(port: server.port, serverName: nil, request: OpenSSLClient.get("/tls"))
                )
            }
        }
        #expect(named.verifiedOK, "\(named)")
        #expect(named.sessionSeenByApp?["sni"] == "sni.asyncweb.test", "\(named)")
        #expect(unnamed.verifiedOK, "\(unnamed)")
        #expect(unnamed.sessionSeenByApp?["sni"] == "-", "\(unnamed)")
    }

    /// curl sends the URL's host as SNI, as a browser does.
    @Test(arguments: IOBackend.allCases)
    func curlsHostNameIsTheServerNameTheAppSees(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let fetched = try await server.serving {
            try await onThread { try Curl.run(port: server.port, ["https://localhost:\(server.port)/tls"]) }
        }
        #expect(fetched.status == 0, "\(fetched)")
        let seen = try JSONDecoder().decode([String: String].self, from: fetched.outputBytes)
        #expect(seen["sni"] == "localhost")
    }

    /// The first connection saves its session (`-sess_out`), the second offers it back
    /// (`-sess_in`): `Reused` for the client, `isResumed` for the app.
    @Test(arguments: IOBackend.allCases, ["-tls1_3", "-tls1_2"])
    func aSavedSessionIsResumed(io: IOBackend, version: String) async throws {
        let session = FileManager.default.temporaryDirectory.appendingPathComponent("asyncweb-session-\(UUID().uuidString).pem").path
        defer { try? FileManager.default.removeItem(atPath: session) }
        let server = try await TLSProbeApp.start(io: io)
        let (first, second) = try await server.serving {
            try await onThread {
                (
                    try OpenSSLClient.connect(port: server.port, [version, "-sess_out", session], request: OpenSSLClient.get("/tls")),
                    try OpenSSLClient.connect(port: server.port, [version, "-sess_in", session], request: OpenSSLClient.get("/tls"))
                )
            }
        }
        #expect(!first.isResumed, "\(first)")
        #expect(first.sessionSeenByApp?["resumed"] == "no", "\(first)")
        #expect(second.isResumed, "\(second)")
        #expect(second.sessionSeenByApp?["resumed"] == "yes", "\(second)")
        #expect(second.sessionSeenByApp?["version"] == (version == "-tls1_3" ? "TLSv1.3" : "TLSv1.2"), "\(second)")
    }
}
