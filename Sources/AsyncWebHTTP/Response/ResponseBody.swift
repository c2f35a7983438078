public import IOUring

/// The body of a ``Response``: nothing, bytes in memory, or a stream written as it is produced.
///
/// ```swift
/// Response(body: "<p>Hi</p>")                          // a string
/// Response(body: ResponseBody(bytes: pngData))
/// Response(body: ResponseBody(stream: lines))          // any AsyncSequence of String or [UInt8]
/// ```
/// A stream is sent with chunked transfer encoding (or with its `contentLength` when known),
/// each chunk as it comes. Writing waits while the client is slow to read, so the server
/// never holds more than a chunk of it in memory.
public struct ResponseBody: Sendable, ExpressibleByStringLiteral {
    enum Storage: Sendable {
        case empty
        case string(String)
        case bytes([UInt8])
        case stream(contentLength: Int?, write: @Sendable (inout any ResponseBodyWriter) async throws -> Void)
    }

    let storage: Storage

    /// No body.
    public static let empty = ResponseBody(storage: .empty)

    init(storage: Storage) {
        self.storage = storage
    }

    /// A body of the string's UTF-8 bytes.
    public init(string: String) {
        storage = .string(string)
    }

    public init(stringLiteral string: String) {
        storage = .string(string)
    }

    /// A body of these bytes.
    public init(bytes: [UInt8]) {
        storage = .bytes(bytes)
    }

    /// A body written by `write` as it produces data; `contentLength`, when known, is sent
    /// instead of chunked encoding and must match what is written.
    public init(contentLength: Int? = nil, write: @escaping @Sendable (inout any ResponseBodyWriter) async throws -> Void) {
        storage = .stream(contentLength: contentLength, write: write)
    }

    /// A body streamed from an async sequence of chunks (`String`, `[UInt8]`, …).
    public init<Chunks: AsyncSequence & Sendable>(stream chunks: Chunks) where Chunks.Element: BodyChunk {
        storage = .stream(contentLength: nil) { writer in
            for try await chunk in chunks {
                try await writer.write(chunk)
            }
        }
    }

    /// The length in bytes when it is known before sending.
    public var contentLength: Int? {
        switch storage {
        case .empty: 0
        case .string(let string): string.utf8.count
        case .bytes(let bytes): bytes.count
        case .stream(let length, _): length
        }
    }
}

/// Where a streamed ``ResponseBody`` writes its chunks.
public protocol ResponseBodyWriter {
    /// Sends one chunk, waiting until the connection can take more.
    mutating func write(_ chunk: some BodyChunk) async throws
}

/// A piece of a streamed body: anything that can lend its bytes.
public protocol BodyChunk: Sendable {
    /// Calls `body` with the chunk's bytes.
    func withBodyBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result
}

extension String: BodyChunk {
    public func withBodyBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        var copy = self
        return try copy.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
}

extension Substring: BodyChunk {
    public func withBodyBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        var copy = self
        return try copy.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
}

extension Array: BodyChunk where Element == UInt8 {
    public func withBodyBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(body)
    }
}

extension ArraySlice: BodyChunk where Element == UInt8 {
    public func withBodyBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(body)
    }
}

extension IOBuffer: BodyChunk {
    /// The unread bytes: a buffer filled by a file read goes out without a copy into an array.
    public func withBodyBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(readableBytes)
    }
}

extension ResponseBody {
    /// The whole body in memory, running a stream to its end (for tests and in-process calls).
    public func collect() async throws -> [UInt8] {
        switch storage {
        case .empty: return []
        case .string(let string): return Array(string.utf8)
        case .bytes(let bytes): return bytes
        case .stream(_, let write):
            var writer: any ResponseBodyWriter = CollectingBodyWriter()
            try await write(&writer)
            return (writer as! CollectingBodyWriter).bytes
        }
    }
}

/// A writer that keeps what a stream writes.
private struct CollectingBodyWriter: ResponseBodyWriter {
    var bytes: [UInt8] = []

    mutating func write(_ chunk: some BodyChunk) async throws {
        chunk.withBodyBytes { bytes.append(contentsOf: $0) }
    }
}
