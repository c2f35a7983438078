import Foundation
import Testing
@testable import AsyncWebHTTP

/// Serialized: the spooling tests watch the process's temporary files.
@Suite(.serialized) struct FileStorageTests {
    /// 5 MiB that is not a repeating pattern a bug could preserve by accident.
    private static let fiveMebibytes: [UInt8] = {
        var generator = SeededGenerator(seed: 5)
        return (0..<5 * 1024 * 1024 / 8).flatMap { _ in withUnsafeBytes(of: generator.next()) { Array($0) } }
    }()

    private func upload(_ content: [UInt8], chunkSize: Int = 64 * 1024) async throws -> FileStorage {
        var body = MultipartTestBody()
        body.field("note", "attached")
        body.file("upload", filename: "data.bin", content)
        let data = try await MultipartParser(boundary: body.boundary).parse(ChunkedTestBody(body.closed, chunkSize: chunkSize))
        return try #require(data.files["upload"])
    }

    @Test func aFiveMebibyteUploadIsSpooledToDiskAndSavedIntact() async throws {
        let upload = try await upload(Self.fiveMebibytes)
        #expect(upload.isOnDisk)
        #expect(upload.size == Self.fiveMebibytes.count)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("asyncweb-save-\(UUID()).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try upload.save(to: path)
        #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == Self.fiveMebibytes)
        #expect(try upload.read() == Self.fiveMebibytes)
    }

    @Test func theDecoderHoldsNoMoreThanAPartialBoundaryLineOfPartData() throws {
        var body = MultipartTestBody()
        body.file("upload", filename: "data.bin", Self.fiveMebibytes)
        var decoder = MultipartDecoder(boundary: Array(body.boundary.utf8), maxFormMemorySize: 500_000, maxParts: 1_000)
        var peak = 0
        for chunk in ChunkedTestBody(body.closed, chunkSize: 64 * 1024).chunks {
            try decoder.receive(chunk)
            while try decoder.nextEvent() != nil {}
            peak = max(peak, decoder.bufferedByteCount)
        }
        #expect(peak <= "\r\n--\(body.boundary)--\r\n".utf8.count)
    }

    @Test func aSpooledFileKeepsAtMostOneWriteBatchInMemory() throws {
        var writer = SpooledFileWriter()
        var peak = 0
        for offset in stride(from: 0, to: Self.fiveMebibytes.count, by: 16 * 1024) {
            try writer.write(Self.fiveMebibytes[offset..<min(offset + 16 * 1024, Self.fiveMebibytes.count)])
            if writer.size > SpooledFileWriter.defaultMemoryLimit { peak = max(peak, writer.bytesInMemory) }
        }
        #expect(peak <= 64 * 1024)
        guard case .disk(_, let size) = try writer.finish() else { Issue.record("not on disk"); return }
        #expect(size == Self.fiveMebibytes.count)
    }

    @Test func uploadsUpTo500KiBStayInMemoryAndOneByteMoreGoesToDisk() async throws {
        let limit = SpooledFileWriter.defaultMemoryLimit
        #expect(limit == 512_000)
        #expect(try await !upload([UInt8](repeating: 1, count: limit)).isOnDisk)
        #expect(try await upload([UInt8](repeating: 1, count: limit + 1)).isOnDisk)
    }

    #if os(Linux)
    @Test func theTemporaryFileHasNoNameAndGoesAwayWithTheStorage() async throws {
        var upload: FileStorage? = try await upload([UInt8](repeating: 2, count: 600_000))
        let descriptor: Int32? = {
            guard case .disk(let file, _) = upload?.contents else { return nil }
            return file.descriptor
        }()
        let link = "/proc/self/fd/\(try #require(descriptor, "the upload should be on disk"))"
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: link)
        #expect(target.contains("asyncweb-upload-") && target.hasSuffix("(deleted)"))
        upload = nil
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) != target)
    }
    #endif

    @Test func forEachChunkVisitsEveryByteInOrder() async throws {
        for content in [Array(Self.fiveMebibytes.prefix(1_000)), Array(Self.fiveMebibytes.prefix(600_000))] {
            let upload = try await upload(content)
            var gathered: [UInt8] = []
            try upload.forEachChunk(ofSize: 4096) { gathered += $0 }
            #expect(gathered == content)
        }
    }

    @Test func saveReplacesAnExistingFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("asyncweb-save-\(UUID()).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 9, count: 100)))
        try FileStorage(name: "f", filename: "f.txt", bytes: Array("new".utf8)).save(to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("new".utf8))
    }

    @Test func contentLengthIsThePartsHeaderOrZero() {
        #expect(FileStorage(name: "f", filename: nil, headers: ["Content-Length": " 42 "], bytes: []).contentLength == 42)
        #expect(FileStorage(name: "f", filename: nil, headers: ["Content-Length": "+42"], bytes: []).contentLength == 0)
        #expect(FileStorage(name: "f", filename: nil, bytes: [1, 2, 3]).contentLength == 0)
    }

    @Test func mimetypeIsTheLowerCasedContentTypeWithoutParameters() {
        let file = FileStorage(name: "f", filename: "a.html", contentType: "Text/HTML; charset=utf-8", bytes: [])
        #expect(file.mimetype == "text/html")
        #expect(file.mimetypeParameters == ["charset": "utf-8"])
    }
}
