internal import BigInt

/// Lexing inside `{{ … }}` and `{% … %}`: names, numbers, strings and
/// operators, in the order Jinja tries them.
extension TemplateLexer {
    /// Operators sorted longest first so `**` is never read as two `*`.
    private static let operatorsBySpelling = TemplateOperator.allCases
        .sorted { $0.rawValue.unicodeScalars.count > $1.rawValue.unicodeScalars.count }

    /// Scans tokens until the tag's closing delimiter. Like Jinja, a
    /// closing delimiter only counts once all brackets are balanced, so
    /// `{{ {'a': 1}}}` closes after the dictionary. Reaching the end of
    /// the text is left to the parser, which knows what it expected.
    mutating func scanTagBody(_ kind: TagKind) throws {
        var openBrackets: [TemplateOperator] = []
        while position < text.count {
            if openBrackets.isEmpty {
                let end = kind == .variable ? variableEnd(at: position) : blockEnd(at: position)
                if let end {
                    emit(kind == .variable ? .variableEnd : .blockEnd, at: position)
                    finishTag(at: end)
                    return
                }
            }
            try scanTagToken(openBrackets: &openBrackets)
        }
    }

    private mutating func scanTagToken(openBrackets: inout [TemplateOperator]) throws {
        let start = position
        if isWhitespace(start) {
            position = skippingWhitespace(from: start)
        } else if let end = floatEnd(at: start) {
            let spelling = self.spelling(start..<end).filter { $0 != "_" }
            guard let value = Double(spelling) else { throw error("invalid float literal", at: start) }
            emit(.float(value), at: start)
            position = end
        } else if let (end, radix, digitsStart) = integerMatch(at: start) {
            let digits = spelling(digitsStart..<end).filter { $0 != "_" }
            if let value = Int(digits, radix: radix) {
                emit(.integer(value), at: start)
            } else {
                // The digits matched the integer grammar, so only their size made Int refuse them.
                emit(.largeInteger(BigInt(digits, radix: radix)!), at: start)
            }
            position = end
        } else if let end = nameEnd(at: start) {
            emit(.name(spelling(start..<end)), at: start)
            position = end
        } else if let end = stringEnd(at: start) {
            let value: String
            do {
                value = try PythonStringLiteral.decode(text[(start + 1)..<(end - 1)])
            } catch {
                throw self.error(error.message, at: start)
            }
            emit(.string(value), at: start)
            position = end
        } else if let op = Self.operatorsBySpelling.first(where: { hasPrefix($0.rawValue, at: start) }) {
            try balance(op, in: &openBrackets, at: start)
            emit(.operator(op), at: start)
            position = start + op.rawValue.unicodeScalars.count
        } else {
            throw error("unexpected char \(Self.pythonRepr(text[start])) at \(start)", at: start)
        }
    }

    private func balance(_ op: TemplateOperator, in openBrackets: inout [TemplateOperator], at offset: Int) throws {
        if op.closingBracket != nil {
            openBrackets.append(op)
        } else if [.rightBrace, .rightParenthesis, .rightBracket].contains(op) {
            guard let opening = openBrackets.popLast() else {
                throw error("unexpected '\(op.rawValue)'", at: offset)
            }
            guard let expected = opening.closingBracket, expected == op else {
                throw error("unexpected '\(op.rawValue)', expected '\(opening.closingBracket?.rawValue ?? "")'", at: offset)
            }
        }
    }

    func spelling(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text[range])
        return String(view)
    }

    private func isDigit(_ offset: Int, radix: Int = 10) -> Bool {
        offset < text.count && Int(String(text[offset]), radix: radix) != nil && text[offset].isASCII
    }

    /// Digits that may be grouped by single underscores: `1_000`.
    private func digitRunEnd(at offset: Int, radix: Int = 10) -> Int? {
        guard isDigit(offset, radix: radix) else { return nil }
        var index = offset
        while isDigit(index, radix: radix) { index += 1 }
        while index < text.count && text[index] == "_" && isDigit(index + 1, radix: radix) {
            index += 1
            while isDigit(index, radix: radix) { index += 1 }
        }
        return index
    }

    private func exponentEnd(at offset: Int) -> Int? {
        guard offset < text.count, text[offset] == "e" || text[offset] == "E" else { return nil }
        var index = offset + 1
        if index < text.count && (text[index] == "+" || text[index] == "-") { index += 1 }
        return digitRunEnd(at: index)
    }

    /// A float needs a fraction or an exponent, and never follows a dot,
    /// so `a.0.1` reads as attribute lookups rather than `a` `.` `0.1`.
    private func floatEnd(at offset: Int) -> Int? {
        guard offset == 0 || text[offset - 1] != ".", let integerEnd = digitRunEnd(at: offset) else { return nil }
        if integerEnd < text.count, text[integerEnd] == ".", let fractionEnd = digitRunEnd(at: integerEnd + 1) {
            return exponentEnd(at: fractionEnd) ?? fractionEnd
        }
        return exponentEnd(at: integerEnd)
    }

    /// Decimal, `0b`, `0o` and `0x` integers with `_` separators; returns
    /// the end, the radix and where the digits start.
    private func integerMatch(at offset: Int) -> (Int, Int, Int)? {
        guard isDigit(offset) else { return nil }
        if text[offset] == "0", offset + 1 < text.count {
            let radixes: [Unicode.Scalar: Int] = ["b": 2, "B": 2, "o": 8, "O": 8, "x": 16, "X": 16]
            if let radix = radixes[text[offset + 1]], let end = prefixedDigitsEnd(at: offset + 2, radix: radix) {
                return (end, radix, offset + 2)
            }
        }
        if text[offset] == "0" {
            var index = offset + 1
            while index < text.count {
                if text[index] == "0" {
                    index += 1
                } else if text[index] == "_", index + 1 < text.count, text[index + 1] == "0" {
                    index += 2
                } else {
                    break
                }
            }
            return (index, 10, offset)
        }
        guard let end = digitRunEnd(at: offset) else { return nil }
        return (end, 10, offset)
    }

    /// Digits after a radix prefix, where each may be preceded by one `_`.
    private func prefixedDigitsEnd(at offset: Int, radix: Int) -> Int? {
        var index = offset
        while true {
            if isDigit(index, radix: radix) {
                index += 1
            } else if index < text.count, text[index] == "_", isDigit(index + 1, radix: radix) {
                index += 2
            } else {
                break
            }
        }
        return index > offset ? index : nil
    }

    private func nameEnd(at offset: Int) -> Int? {
        let first = text[offset]
        guard first == "_" || first.properties.isXIDStart else { return nil }
        var index = offset + 1
        while index < text.count && text[index].properties.isXIDContinue { index += 1 }
        return index
    }

    /// The end of a quoted string, just past its closing quote; a
    /// backslash always escapes the next character.
    private func stringEnd(at offset: Int) -> Int? {
        let quote = text[offset]
        guard quote == "'" || quote == "\"" else { return nil }
        var index = offset + 1
        while index < text.count {
            if text[index] == "\\" {
                index += 2
            } else if text[index] == quote {
                return index + 1
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Python's `repr` of one character, which Jinja puts in its message.
    static func pythonRepr(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "'": "\"'\""
        case "\\": "'\\\\'"
        default: "'\(Character(scalar))'"
        }
    }
}
