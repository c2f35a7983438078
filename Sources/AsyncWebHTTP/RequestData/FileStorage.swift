#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
internal import AsyncWebEncoding
#endif

/// An uploaded file: Werkzeug's `FileStorage`.
///
/// ```swift
/// guard let upload = request.files["document"], let filename = upload.filename, !filename.isEmpty else {
///     throw HTTPError(.badRequest, message: "Choose a file to upload.")
/// }
/// try upload.save(to: "/srv/uploads/" + secureFilename(filename))
/// ```
/// Up to 500 KiB of an upload is kept in memory; a larger one was written to an unnamed
/// temporary file as it arrived, which is removed when the last reference to this object
/// goes away. Its bytes can be read any number of times, from any thread.
public final class FileStorage: Sendable {
    /// Where the bytes are.
    enum Contents: Sendable {
        case memory([UInt8])
        case disk(TemporaryFile, size: Int)
    }

    /// The form field the file was sent under.
    public let name: String
    /// The name the client gave the file, as sent (possibly empty, possibly a path):
    /// pass it through ``secureFilename(_:)`` before using it on disk.
    public let filename: String?
    /// The part's header fields.
    public let headers: HTTPHeaders
    let contents: Contents

    /// A file held in memory, as a test or an `EnvironBuilder`-style caller builds one.
    ///
    /// ```swift
    /// let files: FileMultiDict = ["avatar": FileStorage(name: "avatar", filename: "me.png", contentType: "image/png", bytes: png)]
    /// ```
    public convenience init(name: String, filename: String?, contentType: String? = nil, headers: HTTPHeaders = [:], bytes: [UInt8]) {
        var headers = headers
        if let contentType { headers["Content-Type"] = contentType }
        self.init(name: name, filename: filename, headers: headers, contents: .memory(bytes))
    }

    init(name: String, filename: String?, headers: HTTPHeaders, contents: Contents) {
        self.name = name
        self.filename = filename
        self.headers = headers
        self.contents = contents
    }

    /// The `Content-Type` the client sent for the file, if any.
    public var contentType: String? { headers["Content-Type"] }

    /// The content type without parameters, lower-cased (`"image/png"`); empty if none was sent.
    public var mimetype: String {
        ParameterizedHeader(parsing: contentType).value.lowercased()
    }

    /// The content type's parameters (`["charset": "utf-8"]`).
    public var mimetypeParameters: [String: String] {
        ParameterizedHeader(parsing: contentType).parameters
    }

    /// The part's `Content-Length` header, 0 when absent or not a plain integer, as in
    /// Werkzeug (clients rarely send it). The number of bytes received is ``size``.
    public var contentLength: Int {
        guard let value = headers["Content-Length"]?.trimmingWerkzeugWhitespace() else { return 0 }
        let digits = value.hasPrefix("-") ? value.dropFirst() : value[...]
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return 0 }
        return Int(value) ?? 0
    }

    /// The number of bytes received.
    public var size: Int {
        switch contents {
        case .memory(let bytes): bytes.count
        case .disk(_, let size): size
        }
    }

    /// Whether the upload was large enough to be spooled to a temporary file.
    var isOnDisk: Bool {
        if case .disk = contents { true } else { false }
    }

    /// All of the file's bytes.
    public func read() throws -> [UInt8] {
        switch contents {
        case .memory(let bytes):
            return bytes
        case .disk(let file, let size):
            var bytes = [UInt8](repeating: 0, count: size)
            let count = try bytes.withUnsafeMutableBytes { buffer throws(FileStorageError) in
                try file.read(into: buffer, at: 0)
            }
            bytes.removeSubrange(count...)
            return bytes
        }
    }

    /// Calls `body` with the file's bytes, `chunkSize` at a time, without holding them all.
    ///
    /// ```swift
    /// try upload.forEachChunk { chunk in hasher.update(chunk) }
    /// ```
    public func forEachChunk(ofSize chunkSize: Int = 64 * 1024, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        precondition(chunkSize > 0, "a chunk holds at least one byte")
        switch contents {
        case .memory(let bytes):
            var offset = 0
            while offset < bytes.count {
                try body(bytes[offset..<min(offset + chunkSize, bytes.count)])
                offset += chunkSize
            }
        case .disk(let file, let size):
            var chunk = [UInt8](repeating: 0, count: min(chunkSize, size))
            var offset = 0
            while offset < size {
                let count = try chunk.withUnsafeMutableBytes { buffer throws(FileStorageError) in
                    try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, size - offset)]), at: offset)
                }
                guard count > 0 else { break }
                try body(chunk[..<count])
                offset += count
            }
        }
    }

    /// Writes the file to `path`, replacing what is there, as Werkzeug's `save` does.
    public func save(to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileStorageError(operation: "open", path: path, code: errno) }
        defer { close(descriptor) }
        try forEachChunk { chunk in
            var written = 0
            while written < chunk.count {
                let result = chunk.withUnsafeBytes { raw in
                    write(descriptor, raw.baseAddress! + written, raw.count - written)
                }
                if result < 0 {
                    if errno == EINTR { continue }
                    throw FileStorageError(operation: "write", path: path, code: errno)
                }
                written += result
            }
        }
    }
}

extension FileStorage: CustomStringConvertible {
    public var description: String {
        "FileStorage(name: \(name), filename: \(filename.map { "\"\($0)\"" } ?? "nil"), contentType: \(contentType ?? "nil"), size: \(size))"
    }
}
