internal import IOUring
internal import Synchronization

/// A request's body as it arrives: an `AsyncSequence` of byte chunks.
///
/// ```swift
/// for try await chunk in request.body { try file.write(chunk) }   // streamed, never whole
/// let bytes = try await request.body.collect(upTo: 1 << 20)       // or gathered, with a cap
/// ```
/// Read it once, wherever it comes from: a body built from bytes in memory is handed
/// out once too, as a socket's is, so code that works in tests works over the network.
/// Reading sends `100 Continue` first when the client asked for it. A body
/// over the server's ``ServerConfiguration/maxBodySize`` fails with a 413 error.
public struct RequestBody: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    enum Source: Sendable {
        case empty
        case buffered(BufferedBody)
        case connection(BodyReader, Reactor)
    }

    let source: Source

    /// A body with nothing in it.
    public static let empty = RequestBody(source: .empty)

    /// A body of bytes already in memory (tests, and requests built by hand).
    public init(bytes: [UInt8]) {
        source = bytes.isEmpty ? .empty : .buffered(BufferedBody(bytes))
    }

    init(source: Source) {
        self.source = source
    }

    init(reader: BodyReader, reactor: Reactor) {
        source = .connection(reader, reactor)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var source: Source

        public mutating func next() async throws -> [UInt8]? {
            switch source {
            case .empty:
                return nil
            case .buffered(let buffered):
                source = .empty
                return buffered.take()
            case .connection(let reader, let reactor):
                if reactor.isOnReactorThread { return try await reader.next() }
                // Read from another executor: the connection's state lives on its reactor.
                return try await withTaskExecutorPreference(reactor) { try await reader.next() }
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(source: source)
    }

    /// Whether `other` reads from the same stream: true for copies of one request, such
    /// as ``Request/with(origin:)`` makes.
    package func isSameStream(as other: RequestBody) -> Bool {
        switch (source, other.source) {
        case (.empty, .empty): true
        case (.buffered(let lhs), .buffered(let rhs)): lhs === rhs
        case (.connection(let lhs, _), .connection(let rhs, _)): lhs === rhs
        default: false
        }
    }

    /// Gathers the whole body.
    ///
    /// - Throws: ``HTTPError`` 413 when it is longer than `maxLength` bytes.
    public func collect(upTo maxLength: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in self {
            guard bytes.count + chunk.count <= maxLength else {
                throw HTTPError(.contentTooLarge)
            }
            bytes += chunk
        }
        return bytes
    }
}

/// Bytes in memory handed out once, as a connection hands out what it received.
final class BufferedBody: Sendable {
    private let bytes: Mutex<[UInt8]?>

    init(_ bytes: [UInt8]) {
        self.bytes = Mutex(bytes)
    }

    /// The bytes the first time, nil after.
    func take() -> [UInt8]? {
        bytes.withLock { bytes in
            defer { bytes = nil }
            return bytes
        }
    }
}
