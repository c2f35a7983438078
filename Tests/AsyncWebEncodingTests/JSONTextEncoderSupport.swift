import AsyncWebEncoding
import Testing

/// Expects `JSONTextEncoder` to write exactly the bytes `JSONWriter.flask` writes of
/// `JSONValueEncoder`'s tree for `value`, or to throw what that throws.
func expectTreeText(_ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) {
    var expected: [UInt8] = []
    var expectedError: (any Error)?
    do {
        JSONWriter.flask.append(try JSONValueEncoder().encode(value), to: &expected)
    } catch {
        expectedError = error
    }
    do {
        let text = try JSONTextEncoder().encode(value)
        #expect(expectedError == nil, "the tree threw \(expectedError.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
        // All ASCII, so equal as text is equal byte for byte.
        #expect(text.allSatisfy { $0 < 0x80 }, sourceLocation: sourceLocation)
        #expect(String(decoding: text, as: UTF8.self) == String(decoding: expected, as: UTF8.self), sourceLocation: sourceLocation)
    } catch {
        #expect(expectedError.map { "\($0)" } == "\(error)", "the tree wrote \(String(decoding: expected, as: UTF8.self))",
                sourceLocation: sourceLocation)
    }
}

/// A value that encodes itself with `body`: a hand-written `encode(to:)` in one line.
struct Custom: Encodable {
    let body: (any Encoder) throws -> Void
    init(_ body: @escaping (any Encoder) throws -> Void) { self.body = body }
    func encode(to encoder: any Encoder) throws { try body(encoder) }
}

/// Any key, written as a string literal.
struct Key: CodingKey, ExpressibleByStringLiteral {
    let stringValue: String
    let intValue: Int?
    init(stringLiteral value: String) { self.init(stringValue: value) }
    init(stringValue: String) { (self.stringValue, intValue) = (stringValue, nil) }
    init(intValue: Int) { (stringValue, self.intValue) = (String(intValue), intValue) }
}

/// A value whose encoding writes nothing (JSONValueEncoder's node stays `null`).
struct Silent: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// The coding path the value is encoded at, as its text: what `encoder.codingPath` says.
struct PathReport: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(encoder.codingPath.map(\.stringValue).joined(separator: "/") + "|"
            + container.codingPath.map(\.stringValue).joined(separator: "/"))
    }
}

struct Failure: Error, CustomStringConvertible {
    let id: Int
    var description: String { "Failure \(id)" }
}
