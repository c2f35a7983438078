import AsyncWebTesting
import Foundation
import Glibc
import IOUring
import Testing

/// Clients that break the handshake cost the server one connection each and nothing more:
/// garbage that starts like a handshake is refused and closed; a client that stops
/// part-way, or trickles its ClientHello, is closed at the handshake timeout; one that
/// resets or hangs up mid-handshake gives its socket back at once. After each, the server
/// serves a real client as before. Descriptors are counted on a server in a process of its
/// own (ProbeServer with `--cert`).
@Suite("TLS: broken and abandoned handshakes")
struct TLSHandshakeFaultTests {
    /// Bytes that open like a TLS handshake record (0x16) and go wrong after.
    enum Garbage: String, CaseIterable, Sendable {
        /// The handshake byte, then noise: no valid record header.
        case noiseAfterTheHandshakeByte
        /// A valid record header around a handshake body of noise.
        case recordOfNoise
        /// A record header announcing more than a record may hold (64 KiB).
        case oversizedRecord

        var bytes: [UInt8] {
            let noise = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ 13) }
            switch self {
            case .noiseAfterTheHandshakeByte: return [0x16] + noise
            case .recordOfNoise: return [0x16, 0x03, 0x01, 0x01, 0x2C] + noise
            case .oversizedRecord: return [0x16, 0x03, 0x03, 0xFF, 0xFF] + noise
            }
        }
    }

    /// The server answers with at most an alert (a record of type 21) and closes: it
    /// neither waits for more nor leaves the descriptor open.
    @Test(arguments: IOBackend.allCases, Garbage.allCases)
    func garbageOpeningLikeAHandshakeIsClosedAndTheServerGoesOn(io: IOBackend, garbage: Garbage) async throws {
        let server = try TLSServerProcess.start(io: io)
        let port = server.port
        let baseline = try await server.settledDescriptorCount()
        let end = try await onThread {
            let client = try RawHTTPClient(port: port, timeout: 20)
            try client.send(garbage.bytes)
            return client.readUntilEnd()
        }
        #expect(end.wasEndedByServer, "\(end)")
        #expect(end.received.isEmpty || end.received[0] == 0x15, "the server sent something besides an alert: \(end)")
        #expect(try await server.waitForDescriptorCount(baseline), "the connection's descriptor stayed open")
        #expect(try await server.helloOverHTTPS() == "<p>Hello, World!</p>")
    }

    /// With a 1 s handshake timeout (and header and idle timeouts far longer), a client that
    /// sent half a ClientHello, or nothing at all, is closed once that second is up: not
    /// before, and long before anything else would close it.
    @Test(arguments: IOBackend.allCases, [true, false])
    func aHandshakeLeftUnfinishedIsClosedAtTheHandshakeTimeout(io: IOBackend, sendsHalfAClientHello: Bool) async throws {
        let server = try await TLSProbeApp.start(io: io, handshakeTimeout: .seconds(1)) { configuration in
            configuration.headerReadTimeout = .seconds(120)
            configuration.idleTimeout = .seconds(120)
        }
        let firstHalf = try ClientHello.firstHalf()
        let (end, elapsed) = try await server.serving {
            try await onThread {
                let client = try RawHTTPClient(port: server.port, timeout: 30)
                let start = ContinuousClock.now
                if sendsHalfAClientHello { try client.send(firstHalf) }
                return (client.readUntilEnd(), ContinuousClock.now - start)
            }
        }
        #expect(end.wasEndedByServer, "the connection was still open after \(elapsed)")
        #expect(elapsed >= .milliseconds(900), "closed after \(elapsed), before the handshake timeout")
    }

    /// A client that keeps the handshake alive by trickling its ClientHello, a byte every
    /// 200 ms, is still held to the deadline from its first byte: bytes arriving do not
    /// extend it. The client notices the close when a send fails.
    @Test(arguments: IOBackend.allCases)
    func aTricklingHandshakeIsClosedAtTheHandshakeTimeout(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io, handshakeTimeout: .seconds(1)) { configuration in
            configuration.headerReadTimeout = .seconds(120)
            configuration.idleTimeout = .seconds(120)
        }
        let hello = try ClientHello.bytes()
        let closedAfter = try await server.serving {
            try await onThread { () -> Duration? in
                let client = try RawHTTPClient(port: server.port, timeout: 30)
                let start = ContinuousClock.now
                for byte in hello {
                    do {
                        try client.send([byte])
                    } catch {
                        return ContinuousClock.now - start
                    }
                    usleep(200_000)
                }
                return nil
            }
        }
        let elapsed = try #require(closedAfter, "the server took the whole ClientHello, \(hello.count) bytes over \(hello.count / 5) s")
        #expect(elapsed >= .milliseconds(900), "closed after \(elapsed), before the handshake timeout")
    }

    enum Abandon: String, CaseIterable, Sendable {
        /// The client resets the connection (`SO_LINGER` 0), as a crashed client does.
        case reset
        /// The client closes its end (a FIN) without finishing.
        case hangUp
    }

    /// The server holds the connection until the client goes, then gives its descriptor back.
    @Test(arguments: IOBackend.allCases, Abandon.allCases)
    func aClientLeavingMidHandshakeGivesItsDescriptorBack(io: IOBackend, abandon: Abandon) async throws {
        let server = try TLSServerProcess.start(io: io)
        let port = server.port
        let baseline = try await server.settledDescriptorCount()
        var client: RawHTTPClient? = try await onThread {
            let client = try RawHTTPClient(port: port, timeout: 20)
            try client.send(try ClientHello.firstHalf())
            return client
        }
        #expect(try await server.waitForDescriptorCount(baseline + 1), "the server did not accept the connection")
        if abandon == .reset { client?.resetOnClose() }
        client = nil  // closes the socket
        _ = client
        #expect(try await server.waitForDescriptorCount(baseline), "the abandoned connection's descriptor stayed open")
        #expect(try await server.helloOverHTTPS() == "<p>Hello, World!</p>")
    }

    /// As nginx does: a 400 saying what happened, in plain text the client can read, then close.
    @Test(arguments: IOBackend.allCases)
    func plainHTTPOnTheTLSPortGetsA400AndIsClosed(io: IOBackend) async throws {
        let server = try await TLSProbeApp.start(io: io)
        let (response, closed, stillServes) = try await server.serving {
            try await onThread {
                let client = try RawHTTPClient(port: server.port, timeout: 20)
                try client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
                let response = try client.readResponse()
                let closed = client.isClosedByServer()
                let stillServes = try Curl.run(port: server.port, ["https://localhost:\(server.port)/"])
                return (response, closed, stillServes.output)
            }
        }
        #expect(response?.status == 400)
        #expect(response?.text == "The plain HTTP request was sent to HTTPS port\n")
        #expect(response?.header("Connection") == "close")
        #expect(closed, "the connection stayed open after the 400")
        #expect(stillServes == "hello over https")
    }
}
