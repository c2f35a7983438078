import AsyncWebTesting
import Glibc
import IOUring
import Testing

/// Backpressure end to end: a streamed response sent to a client that reads slowly is made
/// only as fast as the client takes it, so the server never holds more than a little of it.
/// Measured on the server in a process of its own, where no other test's memory counts.
@Suite("Hardening: a slow reader of a large streamed response")
struct SlowReaderMemoryTests {
    /// Under a sanitizer, resident memory is mostly its shadow and quarantine (ASan kept 93 MiB
    /// of freed buffers back in one run), not the server's.
    @Test(.disabled(if: Sanitizer.isActive, "resident memory measures the sanitizer, not the server"),
          arguments: IOBackend.allCases)
    func hundredMebibytesToASlowReaderKeepServerMemoryBounded(backend: IOBackend) async throws {
        let chunkSize = 64 * 1024
        let chunkCount = 1600  // 100 MiB
        let server = try ServerProcess.start(backend: backend)
        let port = server.port
        let before = server.residentKiB
        let (received, peakKiB) = try await onThread {
            let client = try RawHTTPClient(port: port, timeout: 30)
            client.setReceiveBufferSize(64 * 1024)
            try client.send("GET /stream?chunks=\(chunkCount)&size=\(chunkSize) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            var received = 0
            var peak = 0
            var reads = 0
            while true {
                let piece = try client.receive(upTo: 256 * 1024)
                if piece.isEmpty { break }
                received += piece.count
                reads += 1
                if reads % 64 == 0 {
                    peak = max(peak, server.residentKiB)
                    usleep(2_000)  // a slow reader: the server must wait, not buffer
                }
            }
            return (received, peak)
        }
        // Chunk framing adds a few bytes per chunk on top of the payload.
        #expect(received > chunkSize * chunkCount)
        #expect(received < chunkSize * chunkCount + 16 * chunkCount + 64 * 1024)
        let growth = max(0, peakKiB - before)
        print("slow reader (\(backend)): server RSS grew by \(growth) KiB while streaming 100 MiB")
        #expect(growth < 16 * 1024, "server memory grew by \(growth / 1024) MiB while streaming 100 MiB")
    }
}
