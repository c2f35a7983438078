/// Python's ways of reading and writing numbers and strings, which
/// Werkzeug's converters and error messages inherit: `int()`, `float()`,
/// `repr()`, `str.zfill()` and the `\d` of its regexes.
///
/// Copying them keeps built URLs and messages identical to Werkzeug's, e.g.
/// a `float` argument `"2"` builds as `2.0`:
///
/// ```swift
/// PythonText.repr(PythonText.double("2")!) // "2.0"
/// ```
package enum PythonText {
    /// The value of a decimal digit of any script (Unicode category Nd),
    /// which is what Python's `\d` and `int()` accept; nil for anything else.
    @inline(__always)
    package static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        if scalar.value &- 0x30 < 10 { return Int(scalar.value &- 0x30) }
        guard scalar.value >= 0x80, scalar.properties.generalCategory == .decimalNumber,
            let value = scalar.properties.numericValue
        else { return nil }
        return Int(value)
    }

    /// Where the run of `\d` digits starting at `start` ends.
    package static func endOfDigits(
        in scalars: Substring.UnicodeScalarView, from start: Substring.Index
    ) -> Substring.Index {
        var index = start
        while index < scalars.endIndex, digitValue(scalars[index]) != nil {
            index = scalars.index(after: index)
        }
        return index
    }

    /// `int(text)`: optional surrounding whitespace and sign, then decimal
    /// digits with single underscores between them; nil for anything else
    /// or a number that doesn't fit an `Int`.
    package static func int(_ text: some StringProtocol) -> Int? {
        var scalars = Substring(text).unicodeScalars[...]
        trimWhitespace(&scalars)
        var negative = false
        if let sign = scalars.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            scalars = scalars.dropFirst()
        }
        guard let digits = digitsRemovingUnderscores(scalars) else { return nil }
        var magnitude = 0
        for digit in digits {
            let (shifted, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(digit)
            if overflowA || overflowB { return nil }
            magnitude = sum
        }
        return negative ? -magnitude : magnitude
    }

    /// `float(text)`: a decimal number with optional point and exponent,
    /// digits of any script and underscores between digits, or `inf`,
    /// `infinity`, `nan` in any case, each with optional whitespace and sign.
    package static func double(_ text: some StringProtocol) -> Double? {
        var scalars = Substring(text).unicodeScalars[...]
        trimWhitespace(&scalars)
        var ascii = ""
        if let sign = scalars.first, sign == "+" || sign == "-" {
            ascii.unicodeScalars.append(sign)
            scalars = scalars.dropFirst()
        }
        switch String(String.UnicodeScalarView(scalars)).lowercased() {
        case "inf", "infinity": return Double(ascii + "inf")
        case "nan": return Double(ascii + "nan")
        default: break
        }
        // Split into whole part, fraction and exponent, each validated by
        // Python's rules before Swift's parser sees plain ASCII.
        let exponentIndex = scalars.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = scalars[..<(exponentIndex ?? scalars.endIndex)]
        let pointIndex = mantissa.firstIndex(of: ".")
        let whole = mantissa[..<(pointIndex ?? mantissa.endIndex)]
        let fraction = pointIndex.map { mantissa[mantissa.index(after: $0)...] } ?? mantissa[mantissa.endIndex...]
        let wholeDigits = whole.isEmpty ? [] : digitsRemovingUnderscores(whole)
        let fractionDigits = fraction.isEmpty ? [] : digitsRemovingUnderscores(fraction)
        guard let wholeDigits, let fractionDigits, !(wholeDigits.isEmpty && fractionDigits.isEmpty) else {
            return nil
        }
        // Zeros stand in for an empty side: Python reads "5." and ".5".
        ascii += (wholeDigits.isEmpty ? "0" : wholeDigits.map(String.init).joined()) + "."
            + (fractionDigits.isEmpty ? "0" : fractionDigits.map(String.init).joined())
        if let exponentIndex {
            var exponent = scalars[scalars.index(after: exponentIndex)...]
            ascii += "e"
            if let sign = exponent.first, sign == "+" || sign == "-" {
                ascii.unicodeScalars.append(sign)
                exponent = exponent.dropFirst()
            }
            guard let exponentDigits = digitsRemovingUnderscores(exponent) else { return nil }
            ascii += exponentDigits.map(String.init).joined()
        }
        return Double(ascii)
    }

    /// `repr(value)` for a float: the shortest digits that read back as the
    /// same value, in positional notation unless the decimal exponent is
    /// below -4 or above 15, where Python switches (Swift switches at 2^53).
    package static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        let sign = value.sign == .minus ? "-" : ""
        if value.isInfinite { return sign + "inf" }
        // Swift writes the same shortest digits; below 2^53 and above 1e-4 it
        // also lays them out as Python does, exponent-free.
        if value.magnitude < 9_007_199_254_740_992, value.magnitude >= 1e-4 || value == 0 {
            return value.description
        }
        // Swift's description has the same shortest digits; only the layout
        // differs, so take the digits and the point's place from it.
        let swiftText = value.magnitude.description
        let parts = swiftText.split(separator: "e")
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1])! : 0
        var digits = Array(mantissa.filter { $0 != "." })
        var pointPosition = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count) + exponent
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" {
            digits.removeLast()
        }
        if digits.isEmpty { return sign + "0.0" }
        let text = String(digits)
        if pointPosition <= -4 || pointPosition > 16 {
            var scientific = String(digits[0])
            if digits.count > 1 { scientific += "." + String(digits[1...]) }
            let power = pointPosition - 1
            let powerDigits = String(power.magnitude)
            return sign + scientific + "e" + (power < 0 ? "-" : "+")
                + (powerDigits.count < 2 ? "0" + powerDigits : powerDigits)
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + text
        }
        if pointPosition >= digits.count {
            return sign + text + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        }
        return sign + String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
    }

    /// `repr(text)`: single quotes unless the text has a single quote and no
    /// double one, with backslash escapes for quotes and unprintable scalars.
    package static func repr(_ text: String) -> String {
        let quote: Unicode.Scalar = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result = String.UnicodeScalarView([quote])
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", quote:
                result.append("\\")
                result.append(scalar)
            case "\n": result.append(contentsOf: "\\n".unicodeScalars)
            case "\r": result.append(contentsOf: "\\r".unicodeScalars)
            case "\t": result.append(contentsOf: "\\t".unicodeScalars)
            default:
                if isPrintable(scalar) {
                    result.append(scalar)
                } else {
                    result.append(contentsOf: escaped(scalar).unicodeScalars)
                }
            }
        }
        result.append(quote)
        return String(result)
    }

    /// `text.zfill(width)`: zeros after any sign, up to `width` scalars.
    package static func zeroFilled(_ text: String, width: Int) -> String {
        let count = text.unicodeScalars.count
        // Compared before subtracting: `width` may be as low as `Int.min`.
        guard width > count else { return text }
        let zeros = String(repeating: "0", count: width - count)
        if let sign = text.unicodeScalars.first, sign == "+" || sign == "-" {
            return String(sign) + zeros + String(text.unicodeScalars.dropFirst())
        }
        return zeros + text
    }

    /// Python's `str.strip()` whitespace: Unicode White_Space plus the four
    /// ASCII separators 0x1C–0x1F.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    private static func trimWhitespace(_ scalars: inout Substring.UnicodeScalarView.SubSequence) {
        while let first = scalars.first, isWhitespace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, isWhitespace(last) { scalars = scalars.dropLast() }
    }

    /// The digit values of `digit ("_"? digit)*`, or nil when the text is
    /// empty or breaks that pattern.
    private static func digitsRemovingUnderscores(_ scalars: Substring.UnicodeScalarView.SubSequence) -> [Int]? {
        var digits: [Int] = []
        var afterUnderscore = false
        for scalar in scalars {
            if scalar == "_" {
                guard !digits.isEmpty, !afterUnderscore else { return nil }
                afterUnderscore = true
            } else if let digit = digitValue(scalar) {
                digits.append(digit)
                afterUnderscore = false
            } else {
                return nil
            }
        }
        return digits.isEmpty || afterUnderscore ? nil : digits
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        switch scalar.value {
        case ..<0x100: return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
        case ..<0x10000: return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
        }
    }
}
