@testable import AsyncWeb

/// A JSON reader for the template corpus that keeps what Python's `json`
/// keeps and Foundation's drops: object key order and `1` versus `1.0`.
/// Strings marked `__markup__:` become Markup, as the corpus README says.
struct OrderedJSON {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    static func parse(_ text: String) throws -> TemplateValue {
        var reader = OrderedJSON(scalars: Array(text.unicodeScalars))
        return try reader.value()
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    struct Malformed: Error {
        let position: Int
    }

    private mutating func value() throws -> TemplateValue {
        skipWhitespace()
        guard position < scalars.count else { throw Malformed(position: position) }
        switch scalars[position] {
        case "{": return try object()
        case "[": return try array()
        case "\"":
            let text = try string()
            if text.hasPrefix("__markup__:") { return .markup(Markup(String(text.dropFirst("__markup__:".count)))) }
            return .string(text)
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
        if scalars[position] == "}" {
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
            if scalars[position] == "}" {
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
        if scalars[position] == "]" {
            position += 1
            return .list(elements)
        }
        while true {
            elements.append(try value())
            skipWhitespace()
            if scalars[position] == "]" {
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
                let escaped = scalars[position]
                position += 1
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                case "b": text.append("\u{8}")
                case "f": text.append("\u{C}")
                case "u":
                    let hex = String(String.UnicodeScalarView(scalars[position..<position + 4]))
                    position += 4
                    let unit = UInt32(hex, radix: 16)!
                    if (0xD800..<0xDC00).contains(unit) {
                        pendingHighSurrogate = unit
                    } else if let high = pendingHighSurrogate {
                        text.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))!)
                        pendingHighSurrogate = nil
                    } else {
                        text.append(Unicode.Scalar(unit)!)
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

    private mutating func skipWhitespace() {
        while position < scalars.count, [" ", "\n", "\t", "\r"].contains(scalars[position]) { position += 1 }
    }
}
