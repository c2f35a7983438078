internal import IOUring

/// A request's body as it arrives: an `AsyncSequence` of byte chunks.
///
/// ```swift
/// for try await chunk in request.body { try file.write(chunk) }   // streamed, never whole
/// let bytes = try await request.body.collect(upTo: 1 << 20)       // or gathered, with a cap
/// ```
/// The body can be read once. Reading it sends `100 Continue` first when the client asked
/// for it. A body that exceeds the server's ``ServerConfiguration/maxBodySize`` fails with
/// a 413 error.
public struct RequestBody: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    let reader: BodyReader?
    let reactor: Reactor?

    /// A body with nothing in it.
    public static let empty = RequestBody(reader: nil, reactor: nil)

    public struct AsyncIterator: AsyncIteratorProtocol {
        let reader: BodyReader?
        let reactor: Reactor?

        public mutating func next() async throws -> [UInt8]? {
            guard let reader, let reactor else { return nil }
            if reactor.isOnReactorThread { return try await reader.next() }
            // Read from another executor: the connection's state lives on its reactor.
            return try await withTaskExecutorPreference(reactor) { try await reader.next() }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(reader: reader, reactor: reactor)
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
