import AsyncWebTesting
import Foundation
import IOUring
import Testing

/// Backpressure through the TLS layer: a 100 MiB streamed response to a client that reads
/// slowly is encrypted only as fast as the client takes it, so the server holds little of
/// it at any time (as SlowReaderMemoryTests shows for plain HTTP). The client is Python's
/// `ssl` with a small receive buffer, pausing after every 64 KiB; the server, ProbeServer
/// with `--cert`, is sampled while it streams.
@Suite("TLS: a slow reader of a large streamed response")
struct TLSSlowReaderMemoryTests {
    static let script = #"""
        import http.client, socket, ssl, sys, time
        port, cafile, chunks, size = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        context = ssl.create_default_context(cafile=cafile)
        raw = socket.socket()
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
        raw.settimeout(60)
        raw.connect(("127.0.0.1", port))
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=context)
        connection.sock = context.wrap_socket(raw, server_hostname="localhost")
        connection.putrequest("GET", f"/stream?chunks={chunks}&size={size}", skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", "localhost")
        connection.putheader("Connection", "close")
        connection.endheaders()
        response = connection.getresponse()
        total = other = 0
        while True:
            piece = response.read(64 * 1024)
            if not piece:
                break
            total += len(piece)
            other += len(piece) - piece.count(b"x")
            time.sleep(0.002)  # a slow reader: the server must wait, not buffer
        print(response.status, total, other)
        """#

    /// Under a sanitizer, resident memory is mostly its shadow and quarantine.
    @Test(.disabled(if: Sanitizer.isActive, "resident memory measures the sanitizer, not the server"),
          arguments: IOBackend.allCases)
    func hundredMebibytesToASlowTLSReaderKeepServerMemoryBounded(backend: IOBackend) async throws {
        let chunkSize = 64 * 1024
        let chunkCount = 1600  // 100 MiB
        let certificates = try TestCertificates.shared()
        let server = try TLSServerProcess.start(io: backend)
        let port = server.port
        let before = server.residentKiB
        let (finished, peakKiB) = try await onThread {
            let reader = try ExternalTool.start(
                ["python3", "-c", Self.script, String(port), certificates.authority, String(chunkCount), String(chunkSize)],
                timeout: .seconds(300))
            var peak = 0
            while reader.isRunning {
                peak = max(peak, server.residentKiB)
                usleep(20_000)
            }
            return (reader.wait(), peak)
        }
        #expect(finished.status == 0, "\(finished)")
        // Status, payload bytes, and bytes that are not the stream's "x".
        #expect(finished.output == "200 \(chunkSize * chunkCount) 0\n", "\(finished)")
        let growth = max(0, peakKiB - before)
        print("slow TLS reader (\(backend)): server RSS grew by \(growth) KiB while streaming 100 MiB")
        #expect(growth < 16 * 1024, "server memory grew by \(growth / 1024) MiB while streaming 100 MiB")
    }
}
