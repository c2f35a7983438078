import AsyncWebTesting
import IOUring
import Testing

/// When the server ends a TLS connection it says so inside TLS (`close_notify`) before the
/// TCP close, so a client can tell the end of the data from a cut: after a
/// `Connection: close` response, and when an idle keep-alive connection times out. Python's
/// `ssl` reads with `suppress_ragged_eofs=False`, so a bare close shows as an error.
@Suite("TLS: close_notify when the server closes")
struct TLSCloseNotifyTests {
    @Test(arguments: IOBackend.allCases)
    func aConnectionClosedAfterItsLastResponseEndsWithCloseNotify(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let exchange = try await server.serving {
            try await onThread {
                try PythonTLSClient.exchange(Array("GET /n/1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8), port: server.port)
            }
        }
        #expect(try HTTPResponseReader.responses(in: exchange.received).map(\.body) == ["response 1"])
        #expect(exchange.cleanClose, "the server closed without close_notify")
    }

    /// A keep-alive connection left idle past the idle timeout (1 s here) is closed the same way.
    @Test(arguments: IOBackend.allCases)
    func anIdleConnectionClosedAtItsTimeoutEndsWithCloseNotify(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io) { $0.idleTimeout = .seconds(1) }
        let exchange = try await server.serving {
            try await onThread {
                try PythonTLSClient.exchange(Array("GET /n/2 HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8), port: server.port)
            }
        }
        #expect(try HTTPResponseReader.responses(in: exchange.received).map(\.body) == ["response 2"])
        #expect(exchange.cleanClose, "the server closed the idle connection without close_notify")
    }
}
