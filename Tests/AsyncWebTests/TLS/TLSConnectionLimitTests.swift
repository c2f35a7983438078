import AsyncWebTesting
import IOUring
import Testing

/// A TLS client refused for being over `maxConnectionsPerReactor` gets nothing it cannot
/// read: the port speaks TLS, so it may answer inside TLS or just close, but plain
/// `HTTP/1.1 503` bytes in reply to a ClientHello are a protocol error to the client
/// (curl: "wrong version number"), not a 503.
@Suite("TLS: connections over the limit")
struct TLSConnectionLimitTests {
    @Test(arguments: IOBackend.allCases)
    func aTLSClientOverTheLimitIsNotAnsweredInPlaintext(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io) { configuration in
            configuration.reactorCount = 1
            configuration.maxConnectionsPerReactor = 1
        }
        let hello = try ClientHello.bytes()
        let end = try await server.serving {
            try await onThread {
                // The one connection allowed, held open mid-handshake.
                let held = try RawHTTPClient(port: server.port, timeout: 20)
                try held.send(Array(hello.prefix(10)))
                let refused = try RawHTTPClient(port: server.port, timeout: 20)
                try refused.send(hello)
                let end = refused.readUntilEnd()
                withExtendedLifetime(held) {}
                return end
            }
        }
        #expect(end.wasEndedByServer, "\(end)")
        let plaintext = String(decoding: end.received.prefix(12), as: UTF8.self)
        #expect(!plaintext.hasPrefix("HTTP/1.1"), "a TLS client was answered in plaintext: \(String(decoding: end.received, as: UTF8.self).debugDescription)")
        // Anything sent is a TLS record: alert (21) or handshake (22).
        #expect(end.received.isEmpty || [0x15, 0x16].contains(end.received[0]), "\(end)")
    }
}
