import AsyncWebTesting
import Glibc
import IOUring
import Testing

/// Failed handshakes leave nothing behind: each costs an OpenSSL session, its BIOs and
/// record buffers while it lasts, and all of it must go with the connection. Ten thousand
/// of them, of three kinds, against a server in a process of its own: its resident memory
/// stays flat (as ConnectionMemoryTests measures plain connections), every descriptor comes
/// back, and it still serves.
@Suite("TLS: memory after ten thousand failed handshakes", .serialized)
struct TLSHandshakeChurnMemoryTests {
    /// Under a sanitizer the server's resident memory is mostly the sanitizer's own.
    @Test(.disabled(if: Sanitizer.isActive, "resident memory measures the sanitizer, not the server"),
          arguments: IOBackend.allCases)
    func tenThousandFailedHandshakesLeaveMemoryFlat(backend: IOBackend) async throws {
        let server = try TLSServerProcess.start(io: backend)
        let port = server.port
        let half = try ClientHello.firstHalf()
        // Warm-up: the allocator, OpenSSL's and the reactor's tables reach their working size.
        _ = try await onThread { try Self.failHandshakes(port: port, count: 1_000, half: half) }
        try await Task.sleep(for: .milliseconds(300))
        let descriptorsBefore = server.descriptorLinks().count
        let before = server.residentKiB
        let refused = try await onThread { try Self.failHandshakes(port: port, count: 10_000, half: half) }
        #expect(try await server.waitForDescriptorCount(descriptorsBefore), "descriptors of failed handshakes stayed open")
        try await Task.sleep(for: .milliseconds(300))
        let after = server.residentKiB
        print("failed handshakes (\(backend.rawValue)): RSS \(before) KiB before 10,000, \(after) KiB after")
        // Every garbage connection was ended by the server (a third of them).
        #expect(refused == 3_334)
        #expect(after - before < 4 * 1024, "server memory grew by \(after - before) KiB over 10,000 failed handshakes")
        #expect(try await server.helloOverHTTPS() == "<p>Hello, World!</p>")
    }

    /// Opens `count` connections one after another, each failing its handshake in turn:
    /// garbage after a handshake byte (read until the server ends it), half a ClientHello
    /// then a reset, half a ClientHello then a hang-up. Returns how many garbage connections
    /// the server ended.
    static func failHandshakes(port: Int, count: Int, half: [UInt8]) throws -> Int {
        let garbage: [UInt8] = [0x16, 0x03, 0x01, 0x00, 0x10] + Array(repeating: 0xEE, count: 16)
        var refused = 0
        for index in 0..<count {
            let client = try RawHTTPClient(port: port, timeout: 20)
            switch index % 3 {
            case 0:
                try client.send(garbage)
                if client.readUntilEnd().wasEndedByServer { refused += 1 }
            case 1:
                try client.send(half)
                client.resetOnClose()
            default:
                try client.send(half)
            }
        }
        return refused
    }
}
