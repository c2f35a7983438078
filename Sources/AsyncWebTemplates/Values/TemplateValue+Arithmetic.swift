internal import BigInt
internal import Glibc

/// Python's arithmetic on template values: `int` stays `int` where Python
/// keeps it, growing past 64 bits as Python's does, `/` always gives a `float`, `//` and `%` floor toward negative
/// infinity, `+` and `*` join and repeat strings and lists, and a
/// ``Markup`` operand escapes the plain string on the other side.
extension TemplateValue {
    static func add(_ lhs: TemplateValue, _ rhs: TemplateValue) throws -> TemplateValue {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return .string(a + b)
        case (.markup(let a), .markup(let b)): return .markup(a + b)
        case (.markup(let a), .string(let b)): return .markup(a + escape(b))
        case (.string(let a), .markup(let b)): return .markup(escape(a) + b)
        case (.list(let a), .list(let b)): return .list(a + b)
        case (.tuple(let a), .tuple(let b)): return .tuple(a + b)
        default:
            return try numeric(lhs, rhs, "+", integer: { a, b in
                let (sum, overflow) = a.addingReportingOverflow(b)
                return overflow ? nil : sum
            }, big: +, double: +)
        }
    }

    static func subtract(_ lhs: TemplateValue, _ rhs: TemplateValue) throws -> TemplateValue {
        try numeric(lhs, rhs, "-", integer: { a, b in
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            return overflow ? nil : difference
        }, big: -, double: -)
    }

    static func multiply(_ lhs: TemplateValue, _ rhs: TemplateValue) throws -> TemplateValue {
        if let repeated = try repetition(lhs, rhs) ?? repetition(rhs, lhs) { return repeated }
        return try numeric(lhs, rhs, "*", integer: { a, b in
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? nil : product
        }, big: *, double: *)
    }

    static func divide(_ lhs: TemplateValue, _ rhs: TemplateValue) throws -> TemplateValue {
        if let a = lhs.integerValue, let b = rhs.integerValue, a.magnitude <= 1 << 53, b.magnitude <= 1 << 53 {
            // Both are exact as floats, so one float division rounds once, as Python does.
            guard b != 0 else { throw TemplateError(.zeroDivision, "division by zero") }
            return .double(Double(a) / Double(b))
        }
        if let a = lhs.bigIntegerValue, let b = rhs.bigIntegerValue {
            guard b != 0 else { throw TemplateError(.zeroDivision, "division by zero") }
            return .double(try trueDivide(a, b))
        }
        guard let a = try lhs.floatOperand(), let b = try rhs.floatOperand() else { throw unsupported("/", lhs, rhs) }
        guard b != 0 else { throw TemplateError(.zeroDivision, "float division by zero") }
        return .double(a / b)
    }

    static func floorDivide(_ lhs: TemplateValue, _ rhs: TemplateValue) throws -> TemplateValue {
        if let a = lhs.integerValue, let b = rhs.integerValue, !(a == .min && b == -1) {
            guard b != 0 else { throw TemplateError(.zeroDivision, "integer division or modulo by zero") }
            let quotient = a / b
            return .int((a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient)
        }
        if let a = lhs.bigIntegerValue, let b = rhs.bigIntegerValue {
            guard b != 0 else { throw TemplateError(.zeroDivision, "integer division or modulo by zero") }
            return TemplateValue(integer: floorDivide(a, b))
        }
        guard let a = try lhs.floatOperand(), let b = try rhs.floatOperand() else { throw unsupported("//", lhs, rhs) }
        guard b != 0 else { throw TemplateError(.zeroDivision, "float floor division by zero") }
        return .double((a / b).rounded(.down))
    }

    static func modulo(_ lhs: TemplateValue, _ rhs: TemplateValue) throws -> TemplateValue {
        if lhs.stringValue != nil { return try PythonPercentFormat.format(lhs, with: rhs) }
        if let a = lhs.integerValue, let b = rhs.integerValue {
            guard b != 0 else { throw TemplateError(.zeroDivision, "integer modulo by zero") }
            guard b != -1 else { return .int(0) }
            let remainder = a % b
            return .int(remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder)
        }
        if let a = lhs.bigIntegerValue, let b = rhs.bigIntegerValue {
            guard b != 0 else { throw TemplateError(.zeroDivision, "integer modulo by zero") }
            return TemplateValue(integer: modulo(a, b))
        }
        guard let a = try lhs.floatOperand(), let b = try rhs.floatOperand() else { throw unsupported("%", lhs, rhs) }
        guard b != 0 else { throw TemplateError(.zeroDivision, "float modulo") }
        let remainder = a.truncatingRemainder(dividingBy: b)
        return .double(remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder)
    }

    static func power(_ lhs: TemplateValue, _ rhs: TemplateValue) throws -> TemplateValue {
        if let base = lhs.integerValue, let exponent = rhs.integerValue, exponent >= 0 {
            // The loop below stops early once the result stays put; -1 alternates instead.
            if base == -1 { return .int(exponent % 2 == 0 ? 1 : -1) }
            var result = 1
            for _ in 0..<exponent {
                let (product, overflow) = result.multipliedReportingOverflow(by: base)
                guard !overflow else { return TemplateValue(integer: try power(BigInt(base), BigInt(exponent))) }
                result = product
                if result == 0 || result == 1 { break }
            }
            return .int(result)
        }
        if let base = lhs.bigIntegerValue, let exponent = rhs.bigIntegerValue, exponent >= 0 {
            return TemplateValue(integer: try power(base, exponent))
        }
        guard let base = try lhs.floatOperand(), let exponent = try rhs.floatOperand() else {
            throw unsupported("** or pow()", lhs, rhs)
        }
        guard !(base == 0 && exponent < 0) else {
            throw TemplateError(.zeroDivision, "0.0 cannot be raised to a negative power")
        }
        return .double(pow(base, exponent))
    }

    static func negate(_ operand: TemplateValue) throws -> TemplateValue {
        switch operand {
        case .int(let number):
            guard number != .min else { return .bigInt(-BigInt(number)) }
            return .int(-number)
        case .bigInt(let number): return TemplateValue(integer: -number)
        case .bool(let flag): return .int(flag ? -1 : 0)
        case .double(let number): return .double(-number)
        case .undefined(let undefined): throw undefined.error
        default: throw TemplateError(.type, "bad operand type for unary -: '\(operand.typeName)'")
        }
    }

    static func positive(_ operand: TemplateValue) throws -> TemplateValue {
        switch operand {
        case .int, .bigInt, .double: return operand
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .undefined(let undefined): throw undefined.error
        default: throw TemplateError(.type, "bad operand type for unary +: '\(operand.typeName)'")
        }
    }

    /// `a op b` for numbers: integers when both are (in 64 bits while the
    /// result fits, as `BigInt` past that), floats otherwise.
    private static func numeric(
        _ lhs: TemplateValue, _ rhs: TemplateValue, _ symbol: String,
        integer: (Int, Int) -> Int?, big: (BigInt, BigInt) -> BigInt, double: (Double, Double) -> Double
    ) throws -> TemplateValue {
        if let a = lhs.integerValue, let b = rhs.integerValue, let result = integer(a, b) { return .int(result) }
        if let a = lhs.bigIntegerValue, let b = rhs.bigIntegerValue { return TemplateValue(integer: big(a, b)) }
        guard let a = try lhs.floatOperand(), let b = try rhs.floatOperand() else { throw unsupported(symbol, lhs, rhs) }
        return .double(double(a, b))
    }

    /// `sequence * count` for strings, Markup and lists; nil when `sequence` is none of them.
    /// A result past ``TemplateSizeLimit`` raises `MemoryError`, as Python does past memory.
    private static func repetition(_ sequence: TemplateValue, _ count: TemplateValue) throws -> TemplateValue? {
        guard let times = count.integerValue else {
            if case .bigInt = count, sequence.isSequence {
                throw TemplateError(.overflow, "cannot fit 'int' into an index-sized integer")
            }
            return nil
        }
        /// How many copies to join: none of an empty sequence, however many were asked for.
        func copies(ofLength length: Int) throws -> Int {
            let n = max(times, 0)
            return try TemplateSizeLimit.product(length, n) == 0 ? 0 : n
        }
        switch sequence {
        case .string(let text):
            return .string(String(repeating: text, count: try copies(ofLength: text.utf8.count)))
        case .markup(let markup):
            return .markup(Markup(String(repeating: markup.html, count: try copies(ofLength: markup.html.utf8.count))))
        case .list(let elements):
            return .list(Array([[TemplateValue]](repeating: elements, count: try copies(ofLength: elements.count)).joined()))
        case .tuple(let elements):
            return .tuple(Array([[TemplateValue]](repeating: elements, count: try copies(ofLength: elements.count)).joined()))
        default: return nil
        }
    }

    private static func unsupported(_ symbol: String, _ lhs: TemplateValue, _ rhs: TemplateValue) -> TemplateError {
        if case .undefined(let undefined) = lhs { return undefined.error }
        if case .undefined(let undefined) = rhs { return undefined.error }
        return TemplateError(.type, "unsupported operand type(s) for \(symbol): '\(lhs.typeName)' and '\(rhs.typeName)'")
    }

    /// True for the values `*` repeats: strings, Markup, lists and tuples.
    private var isSequence: Bool {
        switch self {
        case .string, .markup, .list, .tuple: true
        default: false
        }
    }
}
