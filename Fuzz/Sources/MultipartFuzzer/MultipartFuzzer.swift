import FuzzSupport
@testable import AsyncWebHTTP

/// The multipart decoder, part heads and field text, given the body whole and
/// in two pieces: the decoder promises Werkzeug's answer for the whole body
/// however it is split.
///
/// The input's first line is the request's `Content-Type` (its `boundary`
/// parameter, read as `FormData` reads it); the rest is the body.
@main enum MultipartFuzzer: FuzzTarget {
    static func fuzz(_ input: UnsafeRawBufferPointer) {
        let lineEnd = input.firstIndex(of: UInt8(ascii: "\n")) ?? input.count
        let contentType = ParameterizedHeader(parsing: String(decoding: input[..<lineEnd], as: UTF8.self))
        let boundary = Array((contentType.parameters["boundary"] ?? "").utf8)
        let body = Array(input[min(lineEnd + 1, input.count)...])
        let whole = DecodedForm(body, boundary: boundary, pieceEnds: [body.count])
        let offset = UnsafeRawBufferPointer(rebasing: input[min(lineEnd + 1, input.count)...]).splitOffset
        let split = DecodedForm(body, boundary: boundary, pieceEnds: [offset, body.count])
        precondition(whole == split, "whole: \(whole), split at \(offset): \(split)")
    }
}

/// The parts the decoder found, and how it ended.
private struct DecodedForm: Equatable {
    struct Part: Equatable {
        var name: String?
        var filename: String?
        var data: [UInt8] = []
    }

    var parts: [Part] = []
    var ended = false
    var error: String?

    init(_ body: [UInt8], boundary: [UInt8], pieceEnds: [Int]) {
        let limits = FormDataLimits()
        var decoder = MultipartDecoder(
            boundary: boundary, maxFormMemorySize: limits.maxFormMemorySize, maxParts: limits.maxFormParts)
        var start = 0
        do {
            for pieceEnd in pieceEnds {
                try decoder.receive(Array(body[start..<pieceEnd]))
                try take(from: &decoder)
                start = pieceEnd
            }
            decoder.finishInput()
            try take(from: &decoder)
        } catch {
            self.error = "\(error)"
        }
    }

    private mutating func take(from decoder: inout MultipartDecoder) throws {
        while let event = try decoder.nextEvent() {
            switch event {
            case .part(let head):
                parts.append(Part(name: head.name, filename: head.filename))
                _ = head.charset
            case .data(let bytes, _):
                parts[parts.count - 1].data += bytes
            case .end:
                ended = true
            }
        }
    }
}
