internal import AsyncWebEncoding

/// How a format spec lays out numbers: digits in the requested base or
/// notation, the sign, a `0x`-style prefix, grouping separators and padding.
extension PythonFormatSpec {
    /// An `int` (or `bool`) under this spec; float presentation types convert it first.
    func formatInteger(_ number: some BinaryInteger, typeName: String = "int") throws -> String {
        let radix: Int
        switch type {
        case nil, "d", "n": radix = 10
        case "x", "X": radix = 16
        case "o": radix = 8
        case "b": radix = 2
        // Past 64 bits no code point is near, and `formatCharacter` says so.
        case "c": return try formatCharacter(Int(exactly: number) ?? .max)
        case "e", "E", "f", "F", "g", "G", "%": return try formatFloat(Double(number))
        case let other?: throw unknownCode(other, typeName)
        }
        guard precision == nil else { throw TemplateError(.value, "Precision not allowed in integer format specifier") }
        guard !coercesNegativeZero else {
            throw TemplateError(.value, "Negative zero coercion (z) not allowed in integer format specifier")
        }
        if let grouping, grouping == "," && radix != 10 || type == "n" {
            throw TemplateError(.value, "Cannot specify '\(grouping)' with '\(type!)'.")
        }
        var digits = String(number.magnitude, radix: radix)
        if type == "X" { digits = digits.uppercased() }
        let prefix = alternate ? Self.radixPrefix(type) : ""
        return layout(sign: signText(negative: number < 0), prefix: prefix, digits: digits, rest: "",
                      groupSize: radix == 10 ? 3 : 4)
    }

    /// A `float` under this spec.
    func formatFloat(_ number: Double) throws -> String {
        // printf would write that many digits.
        try TemplateSizeLimit.check(precision ?? 0)
        // The everyday `%.2f`: printf gives Python's digits and sign as they are.
        if type == "f" || type == "F", width == 0, grouping == nil, sign == nil, !alternate, !coercesNegativeZero,
            number.isFinite
        {
            let precision = precision ?? 6
            return CFormat.fixed(number, precision: precision) ?? CFormat.double(number, "%.\(precision)f")
        }
        var number = number
        var type = self.type
        var suffix = ""
        var addsPointZero = false
        switch type {
        case nil:
            // Like repr() without a precision, like 'g' with one; always with a point.
            addsPointZero = true
        case "n": type = "g"
        case "%":
            number *= 100
            type = "f"
            suffix = "%"
        case "e", "E", "f", "F", "g", "G": break
        case let other?: throw unknownCode(other, "float")
        }
        if let grouping, self.type == "n" {
            throw TemplateError(.value, "Cannot specify '\(grouping)' with 'n'.")
        }
        var body: String
        if let type {
            body = Self.floatText(number.magnitude, type: type, precision: precision ?? 6, alternate: alternate)
        } else if let precision {
            body = Self.shortFloatText(number.magnitude, precision: precision, alternate: alternate)
        } else {
            body = PythonText.repr(number.magnitude)
        }
        if addsPointZero, number.isFinite, !body.contains("."), !body.contains("e") {
            body += ".0"
        }
        var negative = number.sign == .minus && !number.isNaN
        if negative, coercesNegativeZero, !body.unicodeScalars.contains(where: { ("1"..."9").contains($0) }) {
            negative = false
        }
        let split = body.firstIndex { !$0.isASCII || !$0.isNumber } ?? body.endIndex
        let digits = number.isFinite ? String(body[..<split]) : ""
        let rest = number.isFinite ? String(body[split...]) : body
        return layout(sign: signText(negative: negative), prefix: "", digits: digits, rest: rest + suffix, groupSize: 3)
    }

    /// Sign, prefix and digits padded to the width; `=` with a zero fill
    /// zero-pads the digits themselves, separators included, as Python does.
    func layout(sign: String, prefix: String, digits: String, rest: String, groupSize: Int) -> String {
        var digits = digits
        let alignment = self.alignment ?? (zeroPadded ? .afterSign : .right)
        if let grouping, !digits.isEmpty {
            let minimum = fill == "0" && alignment == .afterSign
                ? width - sign.unicodeScalars.count - prefix.count - rest.unicodeScalars.count : 0
            digits = Self.grouped(digits, separator: grouping, every: groupSize, minimumWidth: minimum)
        }
        let body = digits + rest
        if alignment == .afterSign {
            let missing = width - sign.unicodeScalars.count - prefix.count - body.unicodeScalars.count
            return sign + prefix + padding(missing) + body
        }
        return pad(sign + prefix + body, alignment: alignment)
    }

    /// The sign for a number, as the sign option asks.
    func signText(negative: Bool) -> String {
        if negative { return "-" }
        switch sign {
        case "+": return "+"
        case " ": return " "
        default: return ""
        }
    }

    /// `magnitude` as C's printf writes it for `e E f F g G` (which is what
    /// Python produces), with Python's spelling of infinity and NaN.
    static func floatText(_ magnitude: Double, type: Unicode.Scalar, precision: Int, alternate: Bool) -> String {
        let uppercase = ("A"..."Z").contains(type)
        if magnitude.isNaN { return uppercase ? "NAN" : "nan" }
        if magnitude.isInfinite { return uppercase ? "INF" : "inf" }
        return CFormat.double(magnitude, "%\(alternate ? "#" : "").\(precision)\(type)")
    }

    /// A float with no presentation type but a precision: like `g`, except
    /// that scientific notation starts one digit earlier (at an exponent of
    /// `precision - 1`), so `format(100.0, '.3')` is `1e+02`.
    static func shortFloatText(_ magnitude: Double, precision: Int, alternate: Bool) -> String {
        guard magnitude.isFinite else { return floatText(magnitude, type: "g", precision: precision, alternate: alternate) }
        let significant = max(precision, 1)
        let scientific = CFormat.double(magnitude, "%\(alternate ? "#" : "").\(significant - 1)e")
        let exponent = Int(scientific[scientific.index(after: scientific.firstIndex(of: "e")!)...])!
        guard exponent < -4 || exponent >= significant - 1 else {
            return floatText(magnitude, type: "g", precision: significant, alternate: alternate)
        }
        guard !alternate, let point = scientific.firstIndex(of: ".") else { return scientific }
        let e = scientific.firstIndex(of: "e")!
        var mantissa = scientific[..<e]
        while mantissa.last == "0" { mantissa.removeLast() }
        if mantissa.index(before: mantissa.endIndex) == point { mantissa.removeLast() }
        return String(mantissa + scientific[e...])
    }

    /// `digits` with a separator between each group of `every`, counted from the right,
    /// led by zeros until it is at least `minimumWidth` long.
    static func grouped(_ digits: String, separator: Unicode.Scalar, every: Int, minimumWidth: Int) -> String {
        var count = digits.count
        // A group may not start with a separator, so an extra zero goes in front of one.
        while count + (count - 1) / every < minimumWidth { count += 1 }
        let padded = Array(String(repeating: "0", count: count - digits.count) + digits)
        var result = ""
        for (offset, digit) in padded.enumerated() {
            if offset > 0, (padded.count - offset) % every == 0 { result.unicodeScalars.append(separator) }
            result.append(digit)
        }
        return result
    }

    private func formatCharacter(_ number: Int) throws -> String {
        guard precision == nil else { throw TemplateError(.value, "Precision not allowed in integer format specifier") }
        guard sign == nil else { throw TemplateError(.value, "Sign not allowed with integer format specifier 'c'") }
        guard !alternate else {
            throw TemplateError(.value, "Alternate form (#) not allowed with integer format specifier 'c'")
        }
        if let grouping { throw TemplateError(.value, "Cannot specify '\(grouping)' with 'c'.") }
        guard (0..<0x110000).contains(number), let scalar = Unicode.Scalar(UInt32(number)) else {
            throw TemplateError(.overflow, "%c arg not in range(0x110000)")
        }
        return pad(String(scalar), alignment: alignment ?? .right)
    }

    private static func radixPrefix(_ type: Unicode.Scalar?) -> String {
        switch type {
        case "x": "0x"
        case "X": "0X"
        case "o": "0o"
        case "b": "0b"
        default: ""
        }
    }
}
