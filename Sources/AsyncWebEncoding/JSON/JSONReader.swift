/// Reads JSON text as Python's `json.loads` does, keeping what Foundation's
/// parser drops: the order of object keys, and `1` versus `1.0`. Python's
/// `NaN`, `Infinity` and `-Infinity` are read too, since Python writes them.
///
/// Session cookies and `asyncweb render --context` files are read with it.
package struct JSONReader {
    private let bytes: [UInt8]
    private var position = 0

    /// The value of a whole JSON text; anything after it but whitespace is an error.
    package static func parse(_ text: some StringProtocol) throws(Malformed) -> JSONValue {
        try parse(Array(text.utf8))
    }

    package static func parse(_ bytes: [UInt8]) throws(Malformed) -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.position == bytes.count else { throw Malformed(offset: reader.position) }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Not JSON; `offset` counts UTF-8 bytes from the start.
    package struct Malformed: Error, CustomStringConvertible {
        package let offset: Int
        package var description: String { "malformed JSON at byte \(offset)" }
    }

    /// Nesting deeper than this is refused rather than risking the stack (Python stops near 1,000 too).
    private static let maximumDepth = 512

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func value(depth: Int) throws(Malformed) -> JSONValue {
        skipWhitespace()
        guard let byte = current, depth < Self.maximumDepth else { throw Malformed(offset: position) }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "N"): return try literal("NaN", .double(.nan))
        case UInt8(ascii: "I"): return try literal("Infinity", .double(.infinity))
        default: return try number()
        }
    }

    private mutating func object(depth: Int) throws(Malformed) -> JSONValue {
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            let key = try string()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            let value = try value(depth: depth + 1)
            // A repeated key keeps its first place and its last value, as in a Python dict.
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value = value
            } else {
                members.append((key: key, value: value))
            }
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            try expect(UInt8(ascii: ","))
        }
    }

    private mutating func array(depth: Int) throws(Malformed) -> JSONValue {
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            try expect(UInt8(ascii: ","))
        }
    }

    private mutating func string() throws(Malformed) -> String {
        try expect(UInt8(ascii: "\""))
        var text: [UInt8] = []
        var pendingHighSurrogate: UInt32?
        while let byte = current {
            position += 1
            // A high surrogate must be followed by its low half; alone, Swift strings cannot hold it.
            if pendingHighSurrogate != nil, !(byte == UInt8(ascii: "\\") && current == UInt8(ascii: "u")) {
                text.append(contentsOf: [0xEF, 0xBF, 0xBD])
                pendingHighSurrogate = nil
            }
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = current else { throw Malformed(offset: position) }
                position += 1
                if escaped == UInt8(ascii: "u") {
                    let unit = try hexUnit()
                    if (0xD800..<0xDC00).contains(unit) {
                        pendingHighSurrogate = unit
                        continue
                    }
                    var scalar = Unicode.Scalar(unit)
                    if let high = pendingHighSurrogate {
                        if (0xDC00..<0xE000).contains(unit) {
                            scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
                        } else {
                            text.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        }
                        pendingHighSurrogate = nil
                    }
                    text.append(contentsOf: String(scalar ?? "\u{FFFD}").utf8)
                    continue
                }
                switch escaped {
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                default: throw Malformed(offset: position - 1)
                }
            default: text.append(byte)
            }
        }
        throw Malformed(offset: position)
    }

    /// The four hex digits after `\u`.
    private mutating func hexUnit() throws(Malformed) -> UInt32 {
        guard position + 4 <= bytes.count else { throw Malformed(offset: position) }
        var unit: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            guard let digit = HexDigit.value(byte) else { throw Malformed(offset: position) }
            unit = unit << 4 | UInt32(digit)
        }
        position += 4
        return unit
    }

    /// JSON's number grammar, as Python's reader holds to it: no `+`, no leading zeros,
    /// digits on both sides of a point. Integers too large for `Int` keep their digits.
    private mutating func number() throws(Malformed) -> JSONValue {
        let start = position
        if current == UInt8(ascii: "-") {
            position += 1
            if current == UInt8(ascii: "I") {
                _ = try literal("Infinity", .null)
                return .double(-.infinity)
            }
        }
        guard let first = current, Self.isDigit(first) else { throw Malformed(offset: start) }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            position += 1
            guard skipDigits() else { throw Malformed(offset: position) }
            isInteger = false
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() else { throw Malformed(offset: position) }
            isInteger = false
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger { return Int(text).map(JSONValue.int) ?? .largeInteger(text) }
        guard let double = Double(text) else { throw Malformed(offset: start) }
        return .double(double)
    }

    /// Skips a run of digits; false when there was none.
    @discardableResult
    private mutating func skipDigits() -> Bool {
        let start = position
        while let byte = current, Self.isDigit(byte) { position += 1 }
        return position > start
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(Malformed) -> JSONValue {
        let length = word.utf8CodeUnitCount
        guard position + length <= bytes.count,
            bytes[position..<position + length].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: length))
        else { throw Malformed(offset: position) }
        position += length
        return value
    }

    private mutating func expect(_ byte: UInt8) throws(Malformed) {
        guard current == byte else { throw Malformed(offset: position) }
        position += 1
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { position += 1 }
    }
}
