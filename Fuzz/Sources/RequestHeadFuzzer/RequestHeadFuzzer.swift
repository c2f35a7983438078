import FuzzSupport
@testable import AsyncWebHTTP

/// The request-head parser, given the input whole and then in two pieces, as
/// the server receives bytes: both must end the same way, or the outcome
/// would depend on how the network split the request.
@main enum RequestHeadFuzzer: FuzzTarget {
    static func fuzz(_ input: UnsafeRawBufferPointer) {
        let whole = HeadOutcome(input, pieceEnds: [input.count])
        let split = HeadOutcome(input, pieceEnds: [input.splitOffset, input.count])
        precondition(whole == split, "whole: \(whole), split at \(input.splitOffset): \(split)")
    }
}

/// What the parser made of the input, compared field by field.
private struct HeadOutcome: Equatable {
    var headBytes: [UInt8]?
    var fields: [RequestHead.FieldRanges] = []
    var framing: BodyFraming?
    var keepAlive = false
    var error: HTTPParseError?

    /// Parses the bytes received so far at each of `pieceEnds`, as the
    /// connection does when more arrive.
    init(_ input: UnsafeRawBufferPointer, pieceEnds: [Int]) {
        var parser = RequestHeadParser()
        do {
            for end in pieceEnds {
                guard let head = try parser.parse(UnsafeRawBufferPointer(rebasing: input[..<end])) else { continue }
                headBytes = head.bytes
                fields = head.fields
                framing = head.bodyFraming
                keepAlive = head.keepAlive
                // The accessors a handler reads, over the ranges the parser kept.
                _ = (head.target, head.path, head.query, head.value(forHeader: "Host"), Array(head.headers))
                return
            }
        } catch {
            self.error = error
        }
    }
}
