internal import AsyncWebEncoding

/// Python's format-specification mini-language, `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`:
/// what follows the colon in `'{:>8,.2f}'.format(x)` and what `format(x, spec)` takes.
///
/// ```swift
/// try PythonFormatSpec.format(.double(1234.5), spec: "08,.2f") // "1,234.50"
/// ```
///
/// `%`-formatting builds one from its flags too, so both formatters pad,
/// sign and round numbers the same way.
struct PythonFormatSpec {
    enum Alignment {
        case left, right, center
        /// `=`: padding between the sign (and `0x` prefix) and the digits.
        case afterSign
    }

    var fill: Unicode.Scalar = " "
    /// The alignment asked for; numbers default to right (or `=` with a `0` flag), text to left.
    var alignment: Alignment?
    /// The `0` flag: sign-aware zero padding for numbers.
    var zeroPadded = false
    /// `+`, `-` or space.
    var sign: Unicode.Scalar?
    /// `z`: print `-0.0` as `0.0`.
    var coercesNegativeZero = false
    /// `#`: `0x` prefixes, and a decimal point even when no digits follow.
    var alternate = false
    var width = 0
    /// `,` or `_` between groups of integer digits.
    var grouping: Unicode.Scalar?
    var precision: Int?
    var type: Unicode.Scalar?
    /// Empty specs format bools and other objects with `str()`.
    var isEmpty = true

    init() {}

    /// `format(value, spec)`.
    static func format(_ value: TemplateValue, spec: String) throws -> String {
        do {
            return try PythonFormatSpec(spec).format(value)
        } catch let invalid as InvalidSpec {
            throw TemplateError(.value, "Invalid format specifier '\(invalid.text)' for object of type '\(value.typeName)'")
        }
    }

    private init(_ text: String) throws {
        let scalars = Array(text.unicodeScalars)
        isEmpty = scalars.isEmpty
        var index = 0
        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }
        var explicitFill = false
        if let second = peek(1), let alignment = Self.alignment(second) {
            fill = scalars[0]
            explicitFill = true
            self.alignment = alignment
            index = 2
        } else if let first = peek(), let alignment = Self.alignment(first) {
            self.alignment = alignment
            index = 1
        }
        if let scalar = peek(), scalar == "+" || scalar == "-" || scalar == " " {
            sign = scalar
            index += 1
        }
        if peek() == "z" {
            coercesNegativeZero = true
            index += 1
        }
        if peek() == "#" {
            alternate = true
            index += 1
        }
        if peek() == "0" {
            if !explicitFill { fill = "0" }
            zeroPadded = true
            index += 1
        }
        width = try Self.number(scalars, &index) ?? 0
        // Padding to a width past the limit could only build a string past it.
        try TemplateSizeLimit.check(width)
        if let scalar = peek(), scalar == "," || scalar == "_" {
            grouping = scalar
            index += 1
            if let other = peek(), other == "," || other == "_" {
                throw TemplateError(.value, "Cannot specify both ',' and '_'.")
            }
        }
        if peek() == "." {
            index += 1
            guard let digits = try Self.number(scalars, &index) else {
                throw TemplateError(.value, "Format specifier missing precision")
            }
            precision = digits
        }
        guard scalars.count - index <= 1 else { throw InvalidSpec(text: text) }
        type = peek()
    }

    /// `value` under this spec, by the rules of its type.
    func format(_ value: TemplateValue) throws -> String {
        switch value {
        case .int(let number): return try formatInteger(number)
        case .bigInt(let number): return try formatInteger(number)
        case .bool(let flag):
            if isEmpty { return flag ? "True" : "False" }
            return try formatInteger(flag ? 1 : 0, typeName: "bool")
        case .double(let number): return try formatFloat(number)
        case .string(let text): return try formatString(text)
        case .markup(let markup): return try formatString(markup.html)
        default:
            guard isEmpty else {
                throw TemplateError(.type, "unsupported format string passed to \(value.typeName).__format__")
            }
            return try value.text()
        }
    }

    /// A `str` under this spec: truncated to the precision, padded, left-aligned by default.
    func formatString(_ text: String) throws -> String {
        if let type, type != "s" { throw unknownCode(type, "str") }
        guard sign == nil else { throw TemplateError(.value, "Sign not allowed in string format specifier") }
        guard !alternate else { throw TemplateError(.value, "Alternate form (#) not allowed in string format specifier") }
        if let grouping { throw TemplateError(.value, "Cannot specify '\(grouping)' with 's'.") }
        guard alignment != .afterSign else {
            throw TemplateError(.value, "'=' alignment not allowed in string format specifier")
        }
        var text = text
        if let precision, text.unicodeScalars.count > precision {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision)))
        }
        return pad(text, alignment: alignment ?? .left)
    }

    /// `text` padded with the fill character to the width.
    func pad(_ text: String, alignment: Alignment) -> String {
        let missing = width - text.unicodeScalars.count
        guard missing > 0 else { return text }
        switch alignment {
        case .left: return text + padding(missing)
        case .center: return padding(missing / 2) + text + padding(missing - missing / 2)
        case .right, .afterSign: return padding(missing) + text
        }
    }

    /// `count` fill characters (none for a count below one).
    func padding(_ count: Int) -> String {
        count > 0 ? String(repeating: String(fill), count: count) : ""
    }

    /// Python's error for a presentation type the value's type lacks.
    func unknownCode(_ type: Unicode.Scalar, _ typeName: String) -> TemplateError {
        TemplateError(.value, "Unknown format code '\(type)' for object of type '\(typeName)'")
    }

    private static func alignment(_ scalar: Unicode.Scalar) -> Alignment? {
        switch scalar {
        case "<": .left
        case ">": .right
        case "^": .center
        case "=": .afterSign
        default: nil
        }
    }

    /// The decimal number at `index`, if any, moving past it.
    private static func number(_ scalars: [Unicode.Scalar], _ index: inout Int) throws -> Int? {
        let start = index
        var value = 0
        while index < scalars.count, let digit = PythonText.digitValue(scalars[index]) {
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB, sum <= Int(Int32.max) else {
                throw TemplateError(.value, "Too many decimal digits in format string")
            }
            value = sum
            index += 1
        }
        return index > start ? value : nil
    }

    /// A spec that does not parse; the message names the type being formatted.
    private struct InvalidSpec: Error {
        let text: String
    }
}
