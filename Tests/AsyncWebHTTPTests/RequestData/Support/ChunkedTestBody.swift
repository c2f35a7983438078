import AsyncWebHTTP

/// A request body that arrives in the given pieces, as a socket would deliver it.
struct ChunkedTestBody: AsyncSequence, Sendable {
    typealias Element = [UInt8]

    let chunks: [[UInt8]]

    init(_ chunks: [[UInt8]]) {
        self.chunks = chunks
    }

    /// `bytes` in pieces of `size` (the last one shorter).
    init(_ bytes: [UInt8], chunkSize size: Int) {
        chunks = stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<Swift.min($0 + size, bytes.count)]) }
    }

    /// `bytes` cut at the given offsets.
    init(_ bytes: [UInt8], cutAt offsets: [Int]) {
        let bounds = [0] + offsets.sorted() + [bytes.count]
        chunks = zip(bounds, bounds.dropFirst()).map { Array(bytes[$0..<$1]) }
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<[UInt8]>

        mutating func next() async throws -> [UInt8]? {
            remaining.popFirst()
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(remaining: chunks[...])
    }
}

/// The ways the oracle splits each body: whole, every chunk size from 1 to 64 bytes, and
/// a few random cuts (seeded, so a failure can be replayed).
func testChunkings(of bytes: [UInt8], seed: UInt64) -> [(label: String, body: ChunkedTestBody)] {
    var chunkings = [(label: "whole", body: ChunkedTestBody([bytes]))]
    for size in 1...64 {
        chunkings.append((label: "\(size)-byte chunks", body: ChunkedTestBody(bytes, chunkSize: size)))
    }
    var generator = SeededGenerator(seed: seed)
    for round in 0..<6 where bytes.count > 1 {
        let cuts = (0..<(round + 1) * 3).map { _ in Int(generator.next() % UInt64(bytes.count)) }
        chunkings.append((label: "random cuts \(cuts.sorted())", body: ChunkedTestBody(bytes, cutAt: cuts)))
    }
    return chunkings
}

/// A small seeded generator, so random splits are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
