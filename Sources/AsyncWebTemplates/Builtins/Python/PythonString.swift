internal import AsyncWebEncoding

/// Python's `str` methods that are plain text algorithms, working on code
/// points as Python does (its indexes, lengths and widths count them).
///
/// ```swift
/// PythonString.find(Array("hello".unicodeScalars), Array("l".unicodeScalars)) // 2
/// ```
enum PythonString {
    typealias Scalars = [Unicode.Scalar]

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    /// Python's `ADJUST_INDICES`: slice bounds made non-negative and the end
    /// clamped to the length; the start may stay past the end.
    static func bounds(_ start: Int?, _ end: Int?, count: Int) -> (start: Int, end: Int) {
        var lower = start ?? 0
        var upper = end ?? count
        if upper > count {
            upper = count
        } else if upper < 0 {
            upper = max(upper + count, 0)
        }
        if lower < 0 { lower = max(lower + count, 0) }
        return (lower, upper)
    }

    /// `center`, `ljust` and `rjust`. Python's `center` puts the odd
    /// padding character on the left when the width is odd. A width past
    /// ``TemplateSizeLimit`` raises `MemoryError`.
    static func justify(
        _ text: String, width: Int, fill: Unicode.Scalar, alignment: PythonFormatSpec.Alignment
    ) throws -> String {
        let count = text.unicodeScalars.count
        guard width > count else { return text }
        try TemplateSizeLimit.check(width)
        let missing = width - count
        let left: Int
        switch alignment {
        case .left: left = 0
        case .center: left = missing / 2 + (missing & width & 1)
        case .right, .afterSign: left = missing
        }
        let fill = String(fill)
        return String(repeating: fill, count: left) + text + String(repeating: fill, count: missing - left)
    }

    /// `expandtabs(tabsize)`: each tab becomes spaces up to the next
    /// multiple of `size` columns, counting from the last line break.
    /// Python takes the size as a C `int`; a result past ``TemplateSizeLimit``
    /// raises `MemoryError`.
    static func expandTabs(_ text: String, size: Int) throws -> String {
        guard Int32(exactly: size) != nil else {
            throw TemplateError(.overflow, "Python int too large to convert to C int")
        }
        var result = String.UnicodeScalarView()
        var length = 0
        var column = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t":
                guard size > 0 else { continue }
                let spaces = size - column % size
                length += spaces
                try TemplateSizeLimit.check(length)
                result.append(contentsOf: repeatElement(" ", count: spaces))
                column += spaces
            case "\n", "\r":
                result.append(scalar)
                length += 1
                column = 0
            default:
                result.append(scalar)
                length += 1
                column += 1
            }
        }
        return String(result)
    }

    /// Python's `str.isspace()` whitespace, which `split()` and `strip()` also use.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isWerkzeugWhitespace
    }

    /// The `str.is…()` predicates: true when the text is not empty and every
    /// code point passes `test`.
    static func all(_ text: String, _ test: (Unicode.Scalar) -> Bool) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy(test)
    }

    static func isDecimal(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal || scalar.properties.numericType == .digit
    }

    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType != nil
    }

    static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isAlpha(scalar) || isNumeric(scalar)
    }

    /// `str.isidentifier()`: a letter-like start (or `_`), then identifier characters.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return text.unicodeScalars.dropFirst().allSatisfy(\.properties.isXIDContinue)
    }
}
