import AsyncWeb
import AsyncWebTesting
import Glibc
import IOUring
import Testing

@Suite("HTTP server: streamed responses")
struct StreamingTests {
    @Test(arguments: IOBackend.allCases)
    func asyncSequenceOfStringsIsSentChunked(io: IOBackend) async throws {
        let server = try await LiveServer.start(ClosureResponder { _ in
            let lines = AsyncStream<String> { continuation in
                for index in 1...3 { continuation.yield("line \(index)\n") }
                continuation.finish()
            }
            return Response(body: ResponseBody(stream: lines))
        }, io: io)
        let port = server.port
        let response = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
            return try client.readResponse()
        }
        #expect(response?.header("Transfer-Encoding") == "chunked")
        #expect(response?.text == "line 1\nline 2\nline 3\n")
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func streamToHTTP10ClientEndsWithClose(io: IOBackend) async throws {
        let server = try await LiveServer.start(ClosureResponder { _ in
            Response(body: ResponseBody(stream: GeneratedChunks(count: 3, size: 5)))
        }, io: io)
        let port = server.port
        let response = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.0\r\n\r\n")
            return try client.readResponse()
        }
        #expect(response?.header("Transfer-Encoding") == nil)
        #expect(response?.body.count == 15)
        try await server.stop()
    }

    /// Under a sanitizer, resident memory is mostly its shadow and quarantine (ASan kept 93 MiB
    /// of freed buffers back in one run), not the server's. One backend at a time: the
    /// measure is this whole process's memory.
    @Test(
        .disabled(if: Sanitizer.isActive, "resident memory measures the sanitizer, not the server"), .serialized,
        arguments: IOBackend.allCases)
    func hundredMebibytesToASlowReaderKeepServerMemoryBounded(io: IOBackend) async throws {
        let chunkSize = 64 * 1024
        let chunkCount = 1600  // 100 MiB
        let server = try await LiveServer.start(ClosureResponder { _ in
            Response(body: ResponseBody(stream: GeneratedChunks(count: chunkCount, size: chunkSize)))
        }, io: io)
        let port = server.port
        let before = residentMemory()
        let (received, peak) = try await onThread {
            let client = try RawHTTPClient(port: port, timeout: 30)
            client.setReceiveBufferSize(64 * 1024)
            try client.send("GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            var received = 0
            var peak = 0
            var reads = 0
            while true {
                let piece = try client.receive(upTo: 256 * 1024)
                if piece.isEmpty { break }
                received += piece.count
                reads += 1
                if reads % 64 == 0 {
                    peak = max(peak, residentMemory())
                    usleep(2_000)  // a slow reader: the server must wait, not buffer
                }
            }
            return (received, peak)
        }
        // Chunk framing adds a few bytes per chunk on top of the payload.
        #expect(received > chunkSize * chunkCount)
        #expect(received < chunkSize * chunkCount + 16 * chunkCount + 64 * 1024)
        let growth = max(0, peak - before)
        #expect(growth < 48 * 1024 * 1024, "server memory grew by \(growth / 1024 / 1024) MiB while streaming 100 MiB")
        try await server.stop()
    }
}

/// This process's resident memory in bytes, from /proc/self/statm.
func residentMemory() -> Int {
    guard let file = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(file) }
    var size = 0
    var resident = 0
    guard fscanf_statm(file, &size, &resident) else { return 0 }
    return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
}

private func fscanf_statm(_ file: UnsafeMutablePointer<FILE>, _ size: inout Int, _ resident: inout Int) -> Bool {
    var line = [CChar](repeating: 0, count: 256)
    guard fgets(&line, 256, file) != nil else { return false }
    let fields = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: " ")
    guard fields.count >= 2, let total = Int(fields[0]), let rss = Int(fields[1]) else { return false }
    size = total
    resident = rss
    return true
}
