internal import AsyncWebEncoding

/// `<int:name>`: decimal digits, without a sign unless `signed=True`, as an
/// `Int`. Werkzeug's `IntegerConverter`, regex `\d+`, weight 50.
///
/// `fixed_digits` requires exactly that many characters and zero-pads built
/// URLs; `min` and `max` bound the value. A value outside them, or too large
/// for an `Int`, makes the request a 404 rather than falling through to
/// another rule, as in Werkzeug.
///
/// ```swift
/// try map.add("/archive/<int(fixed_digits=4):year>", endpoint: "archive")
/// try map.add("/offset/<int(signed=True, min=-10, max=10):delta>", endpoint: "offset")
/// ```
struct IntegerConverter: RouteConverter {
    let fixedDigits: Int
    let minimum: Int?
    let maximum: Int?
    let signed: Bool

    init(arguments: ConverterArguments) throws(RulePatternError) {
        let parameters = try arguments.bind(["fixed_digits", "min", "max", "signed"])
        fixedDigits = try parameters.int("fixed_digits") ?? 0
        minimum = try parameters.int("min")
        maximum = try parameters.int("max")
        signed = try parameters.bool("signed") ?? false
    }

    var weight: Int { 50 }

    var patternIdentity: String { signed ? #"-?\d+"# : #"\d+"# }

    func accepts(_ text: Substring) -> Bool {
        if let isNumber = asciiDigits(text) { return isNumber }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        if signed, scalars.first == "-" { start = scalars.index(after: start) }
        return start < scalars.endIndex && PythonText.endOfDigits(in: scalars, from: start) == scalars.endIndex
    }

    func prefixEnds(in text: Substring) -> [Substring.Index] {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        if signed, scalars.first == "-" { start = scalars.index(after: start) }
        var ends: [Substring.Index] = []
        var index = PythonText.endOfDigits(in: scalars, from: start)
        while index > start {
            ends.append(index)
            index = scalars.index(before: index)
        }
        return ends
    }

    /// Whether `text` is one or more ASCII digits, with a minus if signed;
    /// nil when it has other scalars, which need the Unicode rules.
    private func asciiDigits(_ text: Substring) -> Bool? {
        var sawDigit = false
        var isFirst = true
        for byte in text.utf8 {
            defer { isFirst = false }
            if byte &- UInt8(ascii: "0") < 10 {
                sawDigit = true
            } else if byte >= 0x80 {
                return nil
            } else if !(isFirst && signed && byte == UInt8(ascii: "-")) {
                return false
            }
        }
        return sawDigit
    }

    func value(from text: Substring) -> RouteValue? {
        if fixedDigits != 0, text.unicodeScalars.count != fixedDigits { return nil }
        guard let number = Self.integer(text) else { return nil }
        if let minimum, number < minimum { return nil }
        if let maximum, number > maximum { return nil }
        return .int(number)
    }

    /// The value of an optional minus and decimal digits of any script, or
    /// nil when it doesn't fit an `Int`.
    private static func integer(_ text: Substring) -> Int? {
        var magnitude = 0
        var negative = false
        func add(_ digit: Int) -> Bool {
            let (shifted, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(digit)
            magnitude = sum
            return !(overflowA || overflowB)
        }
        // ASCII, the usual case, digit by byte; anything else by scalar.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 {
                if byte == UInt8(ascii: "-") {
                    negative = true
                } else if !add(Int(byte &- UInt8(ascii: "0"))) {
                    return nil
                }
            }
        } else {
            for scalar in text.unicodeScalars {
                if scalar == "-" {
                    negative = true
                } else if let digit = PythonText.digitValue(scalar), add(digit) {
                    continue
                } else {
                    return nil
                }
            }
        }
        return negative ? -magnitude : magnitude
    }

    func urlText(for value: String) throws(InvalidRouteValue) -> String {
        guard let number = PythonText.int(value) else {
            throw InvalidRouteValue("invalid literal for int() with base 10: \(PythonText.repr(value))")
        }
        return fixedDigits == 0 ? String(number) : PythonText.zeroFilled(String(number), width: fixedDigits)
    }
}
