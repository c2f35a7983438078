internal import AsyncWebEncoding
internal import BigInt

/// The filters that read and round numbers: `abs`, `int`, `float`, `round`, `filesizeformat`.
extension TemplateFilters {
    static func absolute(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        try FilterSignature.bindBuiltin("abs", arguments)
        switch value {
        case .int(let number):
            guard number != .min else { return .bigInt(-BigInt(number)) }
            return .int(Swift.abs(number))
        case .bigInt(let number): return .bigInt(number < 0 ? -number : number)
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .double(let number): return .double(number.magnitude)
        default: throw TemplateError(.type, "bad operand type for abs(): '\(typeName(value))'")
        }
    }

    /// `float(value)`, or `default` for text that is not a number and for
    /// values that are not numbers at all.
    static func float(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let fallback = try Self.doFloatSignature.bind(arguments).value(0, default: 0.0)
        if case .undefined(let undefined) = value { throw undefined.error }
        if let number = try value.floatOperand() { return .double(number) }
        return value.stringValue.flatMap(PythonText.double).map(TemplateValue.double) ?? fallback
    }

    /// `int(text, base)` for text, else `int(value)`, then `int(float(value))`
    /// (so `'3.7'|int` is 3), and `default` when neither works.
    static func integer(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doIntSignature.bind(arguments)
        let fallback = bound.value(0, default: 0)
        switch value {
        case .undefined(let undefined): throw undefined.error
        case .int, .bigInt: return value
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .double(let number):
            if number.isNaN { return fallback }
            guard number.isFinite else { throw TemplateError(.overflow, "cannot convert float infinity to integer") }
            return truncated(number)
        case .string, .markup:
            let text = value.stringValue!
            if let base = bound.value(1, default: 10).integerValue, let parsed = PythonNumber.integer(text, base: base) {
                return parsed
            }
            guard let number = PythonText.double(text), number.isFinite else { return fallback }
            return truncated(number)
        default: return fallback
        }
    }

    /// `round(value, precision)` with ties to even, or the ceiling or floor
    /// at that precision; a float even for integer input, except that
    /// `common` keeps integers integers, as Python's `round` does.
    static func round(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doRoundSignature.bind(arguments)
        let precision = bound.value(0, default: 0)
        let method = bound.value(1, default: "common")
        guard let methodName = method.stringValue, ["common", "ceil", "floor"].contains(methodName) else {
            throw argumentError("method must be common, ceil or floor")
        }
        guard methodName == "common" else {
            let scale = try TemplateValue.power(10, precision)
            let scaled = try TemplateValue.multiply(value, scale)
            guard let number = scaled.numericValue else {
                throw TemplateError(.type, "must be real number, not \(typeName(scaled))")
            }
            if number.isNaN { throw TemplateError(.value, "cannot convert float NaN to integer") }
            guard number.isFinite else { throw TemplateError(.overflow, "cannot convert float infinity to integer") }
            let rounded = number.rounded(methodName == "ceil" ? .up : .down)
            let whole: TemplateValue = rounded.magnitude < 0x1p63 ? .int(Int(rounded)) : .double(rounded)
            return try TemplateValue.divide(whole, scale)
        }
        switch value {
        case .int, .bigInt, .bool:
            let digits = try index(precision)
            return TemplateValue(integer: PythonNumber.round(value.bigIntegerValue!, digits: digits))
        case .double(let number): return .double(PythonNumber.round(number, digits: try index(precision)))
        default: throw TemplateError(.type, "type \(typeName(value)) doesn't define __round__ method")
        }
    }

    /// A byte count for people: `1.5 kB`, or `1.5 KiB` with `binary`.
    static func filesizeformat(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let binary = try Self.doFilesizeformatSignature.bind(arguments)
            .flag(0, default: false)
        let bytes = try floatOfValue(value)
        let base = binary ? 1024.0 : 1000.0
        let prefixes = binary ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"] : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
        if bytes == 1 { return "1 Byte" }
        if bytes < base {
            guard bytes.isFinite else { throw TemplateError(.overflow, "cannot convert float infinity to integer") }
            let whole = bytes.rounded(.towardZero)
            return .string((whole == 0 ? "0" : PythonNumber.fixed(whole, digits: 0)) + " Bytes")
        }
        // Python falls through to the largest prefix when none is big enough.
        let index = (0..<prefixes.count).first { bytes < unit(base: base, exponent: $0 + 2) } ?? prefixes.count - 1
        return .string(PythonNumber.fixed(base * bytes / unit(base: base, exponent: index + 2), digits: 1) + " " + prefixes[index])
    }

    /// Python's `float(base ** exponent)`: exact for powers of two, and the
    /// correctly rounded `1e…` for powers of 1000, which repeated products would miss.
    private static func unit(base: Double, exponent: Int) -> Double {
        base == 1024 ? Double(sign: .plus, exponent: 10 * exponent, significand: 1) : Double("1e\(3 * exponent)")!
    }

    /// `float(value)` where Python raises rather than falls back.
    private static func floatOfValue(_ value: TemplateValue) throws -> Double {
        if case .undefined(let undefined) = value { throw undefined.error }
        if let number = value.numericValue { return number }
        guard let text = value.stringValue else {
            throw TemplateError(.type, "float() argument must be a string or a real number, not '\(typeName(value))'")
        }
        guard let number = PythonText.double(text) else {
            throw TemplateError(.value, "could not convert string to float: \(PythonText.repr(text))")
        }
        return number
    }

    /// `int(number)` for a finite float.
    private static func truncated(_ number: Double) -> TemplateValue {
        let whole = number.rounded(.towardZero)
        return whole.magnitude < 0x1p63 ? .int(Int(whole)) : TemplateValue(integer: BigInt(whole))
    }
}

/// The Python signatures of the filters above, made once rather than per call.
extension TemplateFilters {
    static let doFloatSignature = FilterSignature("do_float", implicit: ["value"], ["default"])
    static let doIntSignature = FilterSignature("do_int", implicit: ["value"], ["default", "base"])
    static let doRoundSignature = FilterSignature("do_round", implicit: ["value"], ["precision", "method"])
    static let doFilesizeformatSignature = FilterSignature("do_filesizeformat", implicit: ["value"], ["binary"])
}
