/// Decodes a `Transfer-Encoding: chunked` request body (RFC 9112 §7.1) from
/// successive input buffers of any size, without copying: it reports where
/// the body's data lie in each buffer.
///
/// ```swift
/// var decoder = ChunkedBodyDecoder(maxBodySize: 1 << 20, maxTrailerBytes: 16 << 10)
/// var cursor = 0
/// while let event = try decoder.next(in: buffer, at: &cursor) {
///     switch event {
///     case .data(let range): body.append(contentsOf: buffer[range])
///     case .end: break   // bytes from `cursor` on belong to the next request
///     }
/// }
/// // nil: every byte of `buffer` was consumed; call again with the next buffer and a cursor of 0
/// ```
///
/// Trailer fields are checked with the same rules as header fields and then
/// dropped: nothing in the server reads them, and merging them into the
/// head is what RFC 9110 §6.5.1 warns against.
struct ChunkedBodyDecoder: Sendable {
    enum Event: Sendable, Hashable {
        /// Body bytes, as a range of the buffer given to `next(in:at:)`.
        case data(Range<Int>)
        /// The last chunk and the trailer section have been read.
        case end
    }

    private enum State: Sendable {
        case sizeLine(ChunkSizeLineScanner)
        case data(remaining: Int)
        case dataCarriageReturn
        case dataLineFeed
        case trailers(FieldLineScanner)
        case ended
    }

    /// The largest body accepted, as the sum of chunk sizes; more gets 413.
    let maxBodySize: Int
    /// The largest trailer section accepted, its final CRLF included; more gets 431.
    let maxTrailerBytes: Int

    private var state = State.sizeLine(ChunkSizeLineScanner())
    private var trailerBytes = 0

    /// How many body bytes the chunks announced so far.
    private(set) var bodySize = 0

    /// Whether the whole body, trailers included, has been read.
    var isComplete: Bool {
        if case .ended = state { return true }
        return false
    }

    init(maxBodySize: Int, maxTrailerBytes: Int) {
        self.maxBodySize = maxBodySize
        self.maxTrailerBytes = maxTrailerBytes
    }

    /// Decodes from `cursor` onward and moves `cursor` past what it consumed.
    ///
    /// - Returns: the next event, or nil once every byte of `input` is
    ///   consumed and more input is needed. After `.end` the decoder
    ///   consumes nothing more and returns nil.
    mutating func next(in input: UnsafeRawBufferPointer, at cursor: inout Int) throws(HTTPParseError) -> Event? {
        precondition(cursor <= input.count, "the cursor must lie within the input")
        while cursor < input.count {
            switch state {
            case .sizeLine(var scanner):
                let size = try scanner.scan(input, at: &cursor)
                state = .sizeLine(scanner)
                if let size {
                    try chunkAnnounced(size)
                }

            case .data(let remaining):
                let count = min(remaining, input.count - cursor)
                let range = cursor..<(cursor + count)
                cursor += count
                state = count == remaining ? .dataCarriageReturn : .data(remaining: remaining - count)
                return .data(range)

            case .dataCarriageReturn:
                guard input[cursor] == HTTPByte.carriageReturn else { throw .chunkDataWithoutCRLF }
                cursor += 1
                state = .dataLineFeed

            case .dataLineFeed:
                guard input[cursor] == HTTPByte.lineFeed else { throw .chunkDataWithoutCRLF }
                cursor += 1
                state = .sizeLine(ChunkSizeLineScanner())

            case .trailers(var scanner):
                if try scanTrailers(&scanner, input, &cursor) {
                    state = .ended
                    return .end
                }
                state = .trailers(scanner)

            case .ended:
                return nil
            }
        }
        return nil
    }

    private mutating func chunkAnnounced(_ size: Int) throws(HTTPParseError) {
        guard size <= maxBodySize - bodySize else { throw .bodyTooLarge }
        bodySize += size
        state = size == 0 ? .trailers(FieldLineScanner()) : .data(remaining: size)
    }

    /// Scans trailer lines within the trailer budget; true once the empty
    /// line ending them is read.
    private mutating func scanTrailers(
        _ scanner: inout FieldLineScanner, _ input: UnsafeRawBufferPointer, _ cursor: inout Int
    ) throws(HTTPParseError) -> Bool {
        // Added to the smaller of the two, so a budget of Int.max cannot overflow.
        let end = cursor + min(input.count - cursor, maxTrailerBytes - trailerBytes)
        let start = cursor
        defer { trailerBytes += cursor - start }
        while let event = try scanner.scan(input, from: &cursor, to: end) {
            if event == .sectionEnded { return true }
        }
        if cursor - start + trailerBytes >= maxTrailerBytes { throw .trailerFieldsTooLarge }
        return false
    }
}
