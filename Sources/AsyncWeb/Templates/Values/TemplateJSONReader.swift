/// Reads JSON into template values keeping what Python's `json` keeps and
/// Foundation's drops: the order of object keys, and `1` versus `1.0`.
struct TemplateJSONReader {
    let scalars: [Unicode.Scalar]
    var position = 0

    static func parse(_ text: String) throws -> TemplateValue {
        var reader = TemplateJSONReader(scalars: Array(text.unicodeScalars))
        let value = try reader.value()
        reader.skipWhitespace()
        guard reader.position == reader.scalars.count else { throw Malformed(position: reader.position) }
        return value
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// Not JSON; `position` counts Unicode scalars from the start.
    struct Malformed: Error, CustomStringConvertible {
        let position: Int
        var description: String { "malformed JSON at character \(position)" }
    }

    private mutating func value() throws -> TemplateValue {
        skipWhitespace()
        guard position < scalars.count else { throw Malformed(position: position) }
        switch scalars[position] {
        case "{": return try object()
        case "[": return try array()
        case "\"": return .string(try string())
        case "t": return try literal("true", .bool(true))
        case "f": return try literal("false", .bool(false))
        case "n": return try literal("null", .none)
        default: return try number()
        }
    }

    private mutating func object() throws -> TemplateValue {
        position += 1
        var members = TemplateDictionary()
        skipWhitespace()
        if position < scalars.count, scalars[position] == "}" {
            position += 1
            return .dictionary(members)
        }
        while true {
            skipWhitespace()
            let key = try string()
            skipWhitespace()
            try expect(":")
            members[.string(key)] = try value()
            skipWhitespace()
            if position < scalars.count, scalars[position] == "}" {
                position += 1
                return .dictionary(members)
            }
            try expect(",")
        }
    }

    private mutating func array() throws -> TemplateValue {
        position += 1
        var elements: [TemplateValue] = []
        skipWhitespace()
        if position < scalars.count, scalars[position] == "]" {
            position += 1
            return .list(elements)
        }
        while true {
            elements.append(try value())
            skipWhitespace()
            if position < scalars.count, scalars[position] == "]" {
                position += 1
                return .list(elements)
            }
            try expect(",")
        }
    }

    private mutating func string() throws -> String {
        try expect("\"")
        var text = String.UnicodeScalarView()
        var pendingHighSurrogate: UInt32?
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "\"": return String(text)
            case "\\":
                guard position < scalars.count else { break }
                let escaped = scalars[position]
                position += 1
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                case "b": text.append("\u{8}")
                case "f": text.append("\u{C}")
                case "u":
                    guard position + 4 <= scalars.count,
                        let unit = UInt32(String(String.UnicodeScalarView(scalars[position..<position + 4])), radix: 16)
                    else { throw Malformed(position: position) }
                    position += 4
                    if (0xD800..<0xDC00).contains(unit) {
                        pendingHighSurrogate = unit
                    } else if let high = pendingHighSurrogate {
                        text.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (unit &- 0xDC00)) ?? "\u{FFFD}")
                        pendingHighSurrogate = nil
                    } else {
                        text.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                    }
                default: text.append(escaped)
                }
            default: text.append(scalar)
            }
        }
        throw Malformed(position: position)
    }

    private mutating func number() throws -> TemplateValue {
        let start = position
        while position < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[position]) {
            position += 1
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        if let integer = Int(text) { return .int(integer) }
        guard let double = Double(text) else { throw Malformed(position: start) }
        return .double(double)
    }

    private mutating func literal(_ word: String, _ value: TemplateValue) throws -> TemplateValue {
        for scalar in word.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { throw Malformed(position: position) }
            position += 1
        }
        return value
    }

    private mutating func expect(_ scalar: Unicode.Scalar) throws {
        guard position < scalars.count, scalars[position] == scalar else { throw Malformed(position: position) }
        position += 1
    }

    mutating func skipWhitespace() {
        while position < scalars.count, [" ", "\n", "\t", "\r"].contains(scalars[position]) { position += 1 }
    }
}
