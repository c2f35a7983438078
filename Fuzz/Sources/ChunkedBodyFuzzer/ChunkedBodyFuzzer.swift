import FuzzSupport
@testable import AsyncWebHTTP

/// The chunked body decoder, given the input in one buffer and then in two:
/// the body, where it ends and any error must not depend on the split.
@main enum ChunkedBodyFuzzer: FuzzTarget {
    static func fuzz(_ input: UnsafeRawBufferPointer) {
        let whole = DecodedBody(input, pieceEnds: [input.count])
        let split = DecodedBody(input, pieceEnds: [input.splitOffset, input.count])
        precondition(whole == split, "whole: \(whole), split at \(input.splitOffset): \(split)")
    }
}

/// What the decoder made of the input.
private struct DecodedBody: Equatable {
    var body: [UInt8] = []
    /// Where the next request starts, in the whole input; nil before the last chunk.
    var end: Int?
    var error: HTTPParseError?

    /// Decodes `input` as successive buffers ending at `pieceEnds`. Small
    /// limits, so the fuzzer reaches the 413 and 431 paths too.
    init(_ input: UnsafeRawBufferPointer, pieceEnds: [Int]) {
        var decoder = ChunkedBodyDecoder(maxBodySize: 4096, maxTrailerBytes: 256)
        var start = 0
        do {
            for pieceEnd in pieceEnds {
                let piece = UnsafeRawBufferPointer(rebasing: input[start..<pieceEnd])
                var cursor = 0
                while let event = try decoder.next(in: piece, at: &cursor) {
                    switch event {
                    case .data(let range): body += piece[range]
                    case .end: end = start + cursor
                    }
                }
                start = pieceEnd
            }
        } catch {
            self.error = error
        }
    }
}
