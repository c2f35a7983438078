internal import AsyncWebEncoding

/// Python's printf-style formatting, `format % arguments`, which templates
/// reach through `%` on a string and through the `format` filter.
///
/// ```swift
/// try PythonPercentFormat.format("%s has %d items", with: .tuple(["cart", 3])) // "cart has 3 items"
/// ```
///
/// A tuple supplies the arguments in order, a dictionary supplies
/// `%(name)s` fields, anything else is the single argument. A ``Markup``
/// format escapes each argument and gives ``Markup``, as MarkupSafe does.
enum PythonPercentFormat {
    static func format(_ format: TemplateValue, with arguments: TemplateValue) throws -> TemplateValue {
        if case .string(let text) = format, let fixed = fixedPoint(text, arguments) { return .string(fixed) }
        if case .markup(let markup) = format {
            var formatter = Formatter(format: markup.html, arguments: arguments, escapes: true)
            return .markup(Markup(try formatter.run()))
        }
        var formatter = Formatter(format: try format.text(), arguments: arguments, escapes: false)
        return .string(try formatter.run())
    }

    /// `"%.2f" % number`, the form prices take, without parsing the format
    /// into a conversion spec; nil for anything else.
    private static func fixedPoint(_ format: String, _ arguments: TemplateValue) -> String? {
        guard let precision = fixedPointPrecision(format) else { return nil }
        if case .tuple(let elements) = arguments {
            return elements.count == 1 ? fixedPoint(precision: precision, elements[0]) : nil
        }
        return fixedPoint(precision: precision, arguments)
    }

    /// `"%.<precision>f" % value` for a number straight through ``CFormat/fixed(_:precision:)``;
    /// nil for any other value. The `%` operator and `"%.2f"|format(price)`, compiled,
    /// both come here.
    static func fixedPoint(precision: Int, _ value: TemplateValue) -> String? {
        guard let number = value.numericValue else { return nil }
        return CFormat.fixed(number, precision: precision)
    }

    /// The precision of a format that is exactly `%.Nf` (one digit), nil for any other.
    static func fixedPointPrecision(_ format: String) -> Int? {
        let utf8 = format.utf8
        guard utf8.count == 4, utf8.first == UInt8(ascii: "%"), utf8.last == UInt8(ascii: "f") else { return nil }
        let middle = utf8.dropFirst().dropLast()
        guard middle.first == UInt8(ascii: "."), let digit = middle.last, digit &- 48 < 10 else { return nil }
        return Int(digit &- 48)
    }

    /// One pass over a format string, consuming arguments as conversions ask for them.
    private struct Formatter {
        let format: [Unicode.Scalar]
        /// The dictionary (or list, which Python also accepts) `%(name)s` reads from.
        let mapping: TemplateValue?
        let escapes: Bool
        var pending: [TemplateValue]
        var nextArgument = 0
        var index = 0
        var output = ""

        init(format: String, arguments: TemplateValue, escapes: Bool) {
            self.format = Array(format.unicodeScalars)
            self.escapes = escapes
            switch arguments {
            case .tuple(let elements):
                pending = elements
                mapping = nil
            case .dictionary, .list:
                pending = [arguments]
                mapping = arguments
            default:
                pending = [arguments]
                mapping = nil
            }
        }

        mutating func run() throws -> String {
            while index < format.count {
                let scalar = format[index]
                index += 1
                if scalar != "%" {
                    output.unicodeScalars.append(scalar)
                } else if index < format.count, format[index] == "%" {
                    output += "%"
                    index += 1
                } else {
                    try convert()
                }
            }
            if mapping == nil, nextArgument < pending.count {
                throw TemplateError(.type, "not all arguments converted during string formatting")
            }
            return output
        }

        /// One `%[(key)][flags][width][.precision][length]type` conversion.
        private mutating func convert() throws {
            if peek() == "(" { try selectKeyedArgument() }
            var spec = PythonFormatSpec()
            var leftAligned = false
            var zeroPadded = false
            flags: while let flag = peek() {
                switch flag {
                case "-": leftAligned = true
                case "+": spec.sign = "+"
                case " ": if spec.sign == nil { spec.sign = " " }
                case "#": spec.alternate = true
                case "0": zeroPadded = true
                default: break flags
                }
                index += 1
            }
            if let width = try number() {
                // Padding to a width past the limit could only build a string past it.
                try TemplateSizeLimit.check(Int(clamping: width.magnitude))
                spec.width = abs(width)
                leftAligned = leftAligned || width < 0
            }
            if peek() == "." {
                index += 1
                let precision = try number() ?? 0
                guard Int32(exactly: precision) != nil else {
                    throw TemplateError(.overflow, "Python int too large to convert to C int")
                }
                spec.precision = max(precision, 0)
            }
            if let length = peek(), length == "h" || length == "l" || length == "L" { index += 1 }
            guard let type = peek() else { throw TemplateError(.value, "incomplete format") }
            index += 1
            let isNumeric = !["s", "r", "a", "c"].contains(type)
            if leftAligned {
                spec.alignment = .left
            } else if zeroPadded && isNumeric {
                spec.fill = "0"
                spec.alignment = .afterSign
            } else {
                spec.alignment = .right
            }
            output += try converted(try nextValue(), type: type, spec: spec)
        }

        private func converted(_ value: TemplateValue, type: Unicode.Scalar, spec: PythonFormatSpec) throws -> String {
            var spec = spec
            let alignment = spec.alignment ?? .right
            switch type {
            case "s":
                let text = if case .markup(let markup) = value { markup.html } else { escaped(try value.text()) }
                return spec.pad(truncated(text, spec.precision), alignment: alignment)
            case "r": return spec.pad(truncated(escaped(value.repr), spec.precision), alignment: alignment)
            case "a": return spec.pad(truncated(escaped(PythonText.ascii(value.repr)), spec.precision), alignment: alignment)
            case "c": return spec.pad(try character(value), alignment: alignment)
            case "d", "i", "u":
                let (negative, digits) = try decimalInteger(value, type)
                return try integer(negative: negative, digits: digits, prefix: "", spec: spec)
            case "x", "X", "o":
                guard !escapes, let number = value.bigIntegerValue else {
                    throw TemplateError(.type, "%\(type) format: an integer is required, not \(argumentTypeName(value))")
                }
                let digits = String(number.magnitude, radix: type == "o" ? 8 : 16)
                let prefix = spec.alternate ? "0" + String(type) : ""
                return try integer(negative: number < 0, digits: type == "X" ? digits.uppercased() : digits, prefix: prefix, spec: spec)
            case "e", "E", "f", "F", "g", "G":
                spec.type = type
                spec.precision = spec.precision ?? 6
                return try spec.formatFloat(try real(value))
            default:
                let hex = String(type.value, radix: 16)
                throw TemplateError(.value, "unsupported format character '\(type)' (0x\(hex)) at index \(index - 1)")
            }
        }

        /// `%(key)`: the rest of this conversion formats `mapping[key]`, and
        /// any positional conversion after it finds no arguments left.
        private mutating func selectKeyedArgument() throws {
            index += 1
            let start = index
            var depth = 1
            while index < format.count {
                if format[index] == "(" { depth += 1 }
                if format[index] == ")" { depth -= 1 }
                if depth == 0 { break }
                index += 1
            }
            guard index < format.count else { throw TemplateError(.value, "incomplete format key") }
            let key = String(String.UnicodeScalarView(format[start..<index]))
            index += 1
            switch mapping {
            case .dictionary(let members)?:
                guard let value = members[.string(key)] else { throw PythonErrors.key(.string(key)) }
                pending = [value]
            case .list?:
                throw TemplateError(.type, "list indices must be integers or slices, not str")
            default:
                throw TemplateError(.type, "format requires a mapping")
            }
            nextArgument = 0
        }

        private mutating func nextValue() throws -> TemplateValue {
            guard nextArgument < pending.count else {
                throw TemplateError(.type, "not enough arguments for format string")
            }
            nextArgument += 1
            return pending[nextArgument - 1]
        }

        /// A width or precision: digits, or `*` for the next argument.
        private mutating func number() throws -> Int? {
            if peek() == "*" {
                index += 1
                guard let value = try nextValue().integerValue else {
                    throw TemplateError(.type, "* wants int")
                }
                return value
            }
            var value: Int?
            while let scalar = peek(), ("0"..."9").contains(scalar) {
                let digit = Int(scalar.value - 48)
                let (shifted, overflowA) = (value ?? 0).multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = shifted.addingReportingOverflow(digit)
                guard !overflowA, !overflowB, sum <= Int32.max else {
                    throw TemplateError(.value, "width too big")
                }
                value = sum
                index += 1
            }
            return value
        }

        private func peek() -> Unicode.Scalar? {
            index < format.count ? format[index] : nil
        }

        private func escaped(_ text: String) -> String {
            escapes ? escape(text).html : text
        }

        private func truncated(_ text: String, _ precision: Int?) -> String {
            guard let precision, text.unicodeScalars.count > precision else { return text }
            return String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision)))
        }

        /// `%d`: Python's `int()` of a number; a float is truncated, and one
        /// too large for `Int` keeps all its digits.
        private func decimalInteger(_ value: TemplateValue, _ type: Unicode.Scalar) throws -> (Bool, String) {
            if case .undefined(let undefined) = value { throw undefined.error }
            if let number = value.integerValue { return (number < 0, String(number.magnitude)) }
            if case .bigInt(let number) = value { return (number < 0, String(number.magnitude)) }
            if case .double(let number) = value {
                guard !number.isNaN else { throw TemplateError(.value, "cannot convert float NaN to integer") }
                guard number.isFinite else { throw TemplateError(.overflow, "cannot convert float infinity to integer") }
                let whole = number.rounded(.towardZero)
                return (whole < 0, CFormat.double(whole.magnitude, "%.0f"))
            }
            if escapes, case .string(let text) = value {
                guard let number = PythonText.int(text) else {
                    throw TemplateError(.value, "invalid literal for int() with base 10: \(PythonText.repr(text))")
                }
                return (number < 0, String(number.magnitude))
            }
            throw TemplateError(.type, "%\(type) format: a real number is required, not \(argumentTypeName(value))")
        }

        /// `%f` and friends: Python's `float()` of a number (or, through
        /// MarkupSafe's wrapper, of a numeric string).
        private func real(_ value: TemplateValue) throws -> Double {
            if case .undefined(let undefined) = value { throw undefined.error }
            if let number = value.numericValue { return number }
            if escapes, case .string(let text) = value {
                guard let number = PythonText.double(text) else {
                    throw TemplateError(.value, "could not convert string to float: \(PythonText.repr(text))")
                }
                return number
            }
            if escapes {
                throw TemplateError(.type, "float() argument must be a string or a real number, not '\(value.typeName)'")
            }
            throw TemplateError(.type, "must be real number, not \(value.typeName)")
        }

        private func character(_ value: TemplateValue) throws -> String {
            if !escapes {
                if let number = value.integerValue {
                    guard (0..<0x110000).contains(number), let scalar = Unicode.Scalar(UInt32(number)) else {
                        throw TemplateError(.overflow, "%c arg not in range(0x110000)")
                    }
                    return String(scalar)
                }
                if case .string(let text) = value, text.unicodeScalars.count == 1 { return text }
            }
            throw TemplateError(.type, "%c requires int or char")
        }

        /// An integer's digits laid out: `%.3d` pads the digits to three, then the width applies.
        private func integer(negative: Bool, digits: String, prefix: String, spec: PythonFormatSpec) throws -> String {
            var digits = digits
            if let precision = spec.precision, digits.count < precision {
                try TemplateSizeLimit.check(precision)
                digits = String(repeating: "0", count: precision - digits.count) + digits
            }
            return spec.layout(sign: spec.signText(negative: negative), prefix: prefix, digits: digits, rest: "", groupSize: 3)
        }

        /// How Python names an argument's type; MarkupSafe wraps each argument in a helper.
        private func argumentTypeName(_ value: TemplateValue) -> String {
            escapes ? "_MarkupEscapeHelper" : value.typeName
        }
    }
}
