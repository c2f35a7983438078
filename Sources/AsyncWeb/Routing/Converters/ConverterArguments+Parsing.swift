internal import AsyncWebEncoding

extension ConverterArguments {
    /// Reads the text between a converter's parentheses: a comma-separated
    /// list of `value` or `name=value`, where a value is a quoted string or a
    /// bare word that reads as `None`, `True`, `False`, an integer, a float
    /// or else a string, as Werkzeug's `parse_converter_args` does.
    init(converter: String, parsing text: Substring) throws(RulePatternError) {
        var positional: [Value] = []
        var named: [(name: String, value: Value)] = []
        var reader = ArgumentReader(text)
        while true {
            reader.skipSpaces()
            // An empty list, or a trailing comma, which Werkzeug also allows.
            if reader.isAtEnd { break }
            let itemStart = reader.position
            var name: String?
            if let word = reader.word() {
                reader.skipSpaces()
                if reader.consume("=") {
                    name = word
                    reader.skipSpaces()
                } else {
                    reader.position = itemStart
                }
            }
            guard let value = reader.value() else {
                throw RulePatternError(
                    "cannot parse the argument '\(reader.rest(from: itemStart))' of converter '\(converter)'"
                )
            }
            reader.skipSpaces()
            guard reader.isAtEnd || reader.consume(",") else {
                throw RulePatternError(
                    "cannot parse the argument '\(reader.rest(from: itemStart))' of converter '\(converter)'"
                )
            }
            if let name {
                named.append((name, value))
            } else {
                positional.append(value)
            }
        }
        self.init(converter: converter, positional: positional, named: named)
    }
}

/// A cursor over the scalars of a converter's argument list.
private struct ArgumentReader {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ text: Substring) {
        scalars = Array(text.unicodeScalars)
    }

    var isAtEnd: Bool { position == scalars.count }

    func rest(from start: Int) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start...])
        return String(text)
    }

    mutating func skipSpaces() {
        while position < scalars.count, scalars[position].properties.isWhitespace {
            position += 1
        }
    }

    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard position < scalars.count, scalars[position] == scalar else { return false }
        position += 1
        return true
    }

    /// A run of word characters: Python's `\w+`.
    mutating func word() -> String? {
        run { Self.isWordCharacter($0) }
    }

    mutating func value() -> ConverterArguments.Value? {
        if let quoted = quotedString() {
            return .string(quoted)
        }
        // Python's `[\w\d_.]+`: words, numbers and dotted names.
        guard let token = run({ Self.isWordCharacter($0) || $0 == "." }) else { return nil }
        switch token {
        case "None": return ConverterArguments.Value.none
        case "True": return .bool(true)
        case "False": return .bool(false)
        default:
            if let number = PythonText.int(token) { return .int(number) }
            if let number = PythonText.double(token) { return .double(number) }
            return .string(token)
        }
    }

    /// `"…"` or `'…'`, optionally after Python's `u` or `r` prefix; no escapes.
    private mutating func quotedString() -> String? {
        var start = position
        if start < scalars.count, "urUR".unicodeScalars.contains(scalars[start]) {
            start += 1
        }
        guard start < scalars.count, scalars[start] == "\"" || scalars[start] == "'" else { return nil }
        let quote = scalars[start]
        guard let close = scalars[(start + 1)...].firstIndex(of: quote) else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[(start + 1)..<close])
        position = close + 1
        return String(text)
    }

    private mutating func run(_ belongs: (Unicode.Scalar) -> Bool) -> String? {
        let start = position
        while position < scalars.count, belongs(scalars[position]) {
            position += 1
        }
        guard position > start else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<position])
        return String(text)
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
