import AsyncWebTesting
import IOUring
import Testing

/// The protocol versions the server speaks: TLS 1.3 by default, TLS 1.2 when that is all a
/// client has, and never TLS 1.0 or 1.1, which it refuses with a `protocol_version` alert
/// (Mozilla's "intermediate" profile). `openssl s_client` offers exactly one version each time.
@Suite("TLS: protocol versions")
struct TLSVersionTests {
    @Test(arguments: IOBackend.allCases)
    func aClientOfferingEverythingGetsTLS13(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let handshake = try await server.serving {
            try await onThread { try OpenSSLClient.connect(port: server.port, request: OpenSSLClient.get("/")) }
        }
        #expect(handshake.version == "TLSv1.3", "\(handshake)")
        #expect(handshake.verifiedOK, "\(handshake)")
        #expect(handshake.httpBody == "hello over https", "\(handshake)")
    }

    @Test(arguments: IOBackend.allCases)
    func aTLS12OnlyClientGetsTLS12AndAnAnswer(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let handshake = try await server.serving {
            try await onThread { try OpenSSLClient.connect(port: server.port, ["-tls1_2"], request: OpenSSLClient.get("/tls")) }
        }
        #expect(handshake.version == "TLSv1.2", "\(handshake)")
        #expect(handshake.verifiedOK, "\(handshake)")
        #expect(handshake.sessionSeenByApp?["version"] == "TLSv1.2", "\(handshake)")
    }

    /// The client is told to allow the old versions (`@SECLEVEL=0`), so it really offers
    /// them; the server answers with alert 70, `protocol_version`, and no session.
    @Test(arguments: IOBackend.allCases, ["-tls1", "-tls1_1"])
    func tls10And11AreRefusedWithAProtocolVersionAlert(io: IOBackend, version: String) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let handshake = try await server.serving {
            try await onThread {
                try OpenSSLClient.connect(port: server.port, [version, "-cipher", "DEFAULT:@SECLEVEL=0"], request: OpenSSLClient.get("/"))
            }
        }
        #expect(handshake.finished.status != 0, "\(handshake)")
        #expect(handshake.version == nil, "\(handshake)")
        #expect(handshake.finished.printed.contains("alert protocol version"), "\(handshake)")
        #expect(handshake.httpResponse == nil, "\(handshake)")
    }
}
