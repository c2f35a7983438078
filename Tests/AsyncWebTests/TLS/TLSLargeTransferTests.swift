import AsyncWebTesting
import Foundation
import IOUring
import Testing

/// Bodies much larger than a TLS record (16 KiB) and than the server's buffers cross the
/// TLS layer whole and unchanged, both ways: a 20 MiB upload comes back byte for byte, and
/// a 50 MiB streamed download whose every byte depends on its place arrives intact.
@Suite("TLS: large uploads and downloads")
struct TLSLargeTransferTests {
    @Test(arguments: IOBackend.allCases)
    func aTwentyMebibyteUploadIsEchoedByteForByte(io: IOBackend) async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let upload = folder + "/upload.bin"
        let echoed = folder + "/echoed.bin"
        try ExternalTool.output(["openssl", "rand", "-out", upload, String(20 * 1024 * 1024)])
        let server = try await TLSProbeApp.start(io: io) { $0.maxBodySize = 32 * 1024 * 1024 }
        let posted = try await server.serving {
            try await onThread {
                try Curl.run(port: server.port, [
                    "--data-binary", "@" + upload, "--header", "Content-Type: application/octet-stream",
                    "--output", echoed, "--write-out", "%{http_code}", "https://localhost:\(server.port)/echo",
                ])
            }
        }
        #expect(posted.status == 0, "\(posted)")
        #expect(posted.output == "200", "\(posted)")
        let sent = try Data(contentsOf: URL(fileURLWithPath: upload))
        let received = try Data(contentsOf: URL(fileURLWithPath: echoed))
        #expect(received.count == sent.count)
        #expect(received == sent, "the echoed body differs from the upload")
    }

    @Test(arguments: IOBackend.allCases)
    func aFiftyMebibyteStreamedDownloadArrivesIntact(io: IOBackend) async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let downloaded = folder + "/download.bin"
        let chunks = 800
        let chunkSize = 64 * 1024  // 50 MiB in all
        let server = try await TLSProbeApp.start(io: io)
        let fetched = try await server.serving {
            try await onThread {
                try Curl.run(port: server.port, [
                    "--output", downloaded, "--write-out", "%{http_code}",
                    "https://localhost:\(server.port)/pattern?chunks=\(chunks)&size=\(chunkSize)",
                ])
            }
        }
        #expect(fetched.status == 0, "\(fetched)")
        #expect(fetched.output == "200", "\(fetched)")
        let data = try Data(contentsOf: URL(fileURLWithPath: downloaded))
        #expect(data.count == chunks * chunkSize)
        let mismatch = TLSProbeApp.Pattern(chunkSize: chunkSize).firstMismatch(in: data, chunks: chunks)
        #expect(mismatch == nil, "chunk \(mismatch ?? -1) of the download is not what the server sent")
    }

    static func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asyncweb-tls-transfer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
