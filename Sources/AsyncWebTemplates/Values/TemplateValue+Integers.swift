public import BigInt
internal import Glibc

/// Python's integers, which never overflow: `.int` holds every value that
/// fits in 64 bits and stays the fast path; an operation that overflows it
/// carries on in `BigInt`, and a result that fits again comes back as `.int`.
///
/// ```
/// {{ 2 ** 64 }}                      18446744073709551616
/// {{ 2 ** 53 + 1 > 2.0 ** 53 }}      True (ints and floats compare exactly)
/// ```
extension TemplateValue {
    /// An integer of any size: ``int(_:)`` when it fits in 64 bits, ``bigInt(_:)`` otherwise.
    public init(integer: BigInt) {
        if let small = Int(exactly: integer) { self = .int(small) } else { self = .bigInt(integer) }
    }

    /// The value as a Python integer of any size (`bool` counts), nil otherwise.
    public var bigIntegerValue: BigInt? {
        switch self {
        case .int(let number): BigInt(number)
        case .bigInt(let number): number
        case .bool(let flag): flag ? 1 : 0
        default: nil
        }
    }

    /// True for Python's `int` (not `bool`), of any size.
    public var isInteger: Bool {
        switch self {
        case .int, .bigInt: true
        default: false
        }
    }

    /// `float(value)` for a number, as arithmetic with a float converts its
    /// other operand: an integer past the largest float is an `OverflowError`.
    /// Nil for values that are not numbers.
    func floatOperand() throws -> Double? {
        if case .bigInt(let number) = self { return try Self.float(number) }
        return numericValue
    }

    /// `float(integer)`, rounded to the nearest float as Python rounds it
    /// (BigInt's own conversion drops the bits below the rounding bit).
    static func float(_ integer: BigInt) throws -> Double {
        let number = nearestFloat(to: integer, over: 1)
        guard number.isFinite else { throw TemplateError(.overflow, "int too large to convert to float") }
        return number
    }

    /// Python's `a / b` for integers: the exact quotient rounded once, where
    /// dividing two rounded floats would round three times and fail past 1e308.
    static func trueDivide(_ a: BigInt, _ b: BigInt) throws -> Double {
        let quotient = nearestFloat(to: a, over: b)
        guard quotient.isFinite else { throw TemplateError(.overflow, "integer division result too large for a float") }
        return quotient
    }

    /// The float nearest to `a / b` (ties to even), infinite past the largest float.
    private static func nearestFloat(to a: BigInt, over b: BigInt) -> Double {
        let isNegative = (a < 0) != (b < 0)
        guard a != 0 else { return isNegative ? -0.0 : 0.0 }
        var dividend = a.magnitude
        var divisor = b.magnitude
        // Scale so that the quotient has 62 or 63 bits: more than a float's 53
        // plus a rounding bit, while still fitting a UInt64.
        let shift = 62 - (dividend.bitWidth - divisor.bitWidth)
        if shift > 0 { dividend <<= shift } else { divisor <<= -shift }
        let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
        // A non-zero remainder becomes a sticky low bit, so ties round the way the exact quotient does.
        let significand = Double(UInt64(quotient) | (remainder.isZero ? 0 : 1))
        let magnitude = Double(sign: .plus, exponent: -shift, significand: significand)
        return isNegative ? -magnitude : magnitude
    }

    /// Python's `a // b` for integers: the quotient floored toward negative infinity.
    static func floorDivide(_ a: BigInt, _ b: BigInt) -> BigInt {
        let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
        return remainder != 0 && (remainder < 0) != (b < 0) ? quotient - 1 : quotient
    }

    /// Python's `a % b` for integers: the remainder takes the sign of `b`.
    static func modulo(_ a: BigInt, _ b: BigInt) -> BigInt {
        let remainder = a % b
        return remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder
    }

    /// Python's `base ** exponent` for a non-negative integer exponent. A
    /// result past ``TemplateSizeLimit`` in decimal digits raises `MemoryError`:
    /// Python would compute `10 ** 10 ** 9` for minutes, holding the render.
    static func power(_ base: BigInt, _ exponent: BigInt) throws -> BigInt {
        if base == 0 || base == 1 { return exponent == 0 ? 1 : base }
        if base == -1 { return exponent % 2 == 0 ? 1 : -1 }
        let magnitude = nearestFloat(to: base, over: 1).magnitude
        let digitsPerPower = magnitude.isFinite ? log10(magnitude) : Double(base.magnitude.bitWidth) * 0.30103
        let digits = digitsPerPower * Double(exponent)
        try TemplateSizeLimit.check(digits < Double(Int.max) ? Int(digits) : .max)
        return base.power(Int(exponent))
    }

    /// How two numbers order, as Python compares them: exactly, so that an
    /// integer past 2**53 differs from the float it rounds to. Nil when either
    /// value is not a number.
    static func numericOrder(_ lhs: TemplateValue, _ rhs: TemplateValue) -> NumericOrder? {
        switch (lhs, rhs) {
        case (.double(let a), .double(let b)): return NumericOrder(a, b)
        case (.double(let a), _):
            guard let b = rhs.bigIntegerValue else { return nil }
            return NumericOrder(b, a).reversed
        case (_, .double(let b)):
            guard let a = lhs.bigIntegerValue else { return nil }
            return NumericOrder(a, b)
        default:
            guard let a = lhs.bigIntegerValue, let b = rhs.bigIntegerValue else { return nil }
            return a < b ? .less : a == b ? .equal : .greater
        }
    }

    /// `str()` of a big integer. Python refuses to write more than 4300
    /// digits (`sys.int_max_str_digits`), as a guard against slow conversions.
    static func decimalText(_ integer: BigInt) throws -> String {
        let maximumDigits = 4300
        let bits = integer.magnitude.bitWidth
        let tooLong = TemplateError(
            .value,
            "Exceeds the limit (\(maximumDigits) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )
        // A number of `bits` bits has at least (bits - 1) * log10(2) digits: refuse
        // before converting, as the conversion is what the limit guards.
        guard Double(bits - 1) * 0.30103 < Double(maximumDigits) else { throw tooLong }
        let text = String(integer)
        guard text.utf8.count - (integer < 0 ? 1 : 0) <= maximumDigits else { throw tooLong }
        return text
    }
}

/// The outcome of comparing two numbers; `unordered` when one is NaN.
enum NumericOrder {
    case less, equal, greater, unordered

    /// `a` against `b`.
    init(_ a: Double, _ b: Double) {
        self = a < b ? .less : a == b ? .equal : a > b ? .greater : .unordered
    }

    /// An integer against a float, exactly: the integer against the float's floor.
    init(_ integer: BigInt, _ number: Double) {
        guard !number.isNaN else { self = .unordered; return }
        guard number.isFinite else { self = number > 0 ? .less : .greater; return }
        let whole = number.rounded(.down)
        let floor = BigInt(exactly: whole)!
        if integer < floor {
            self = .less
        } else if integer == floor {
            self = whole == number ? .equal : .less
        } else {
            self = .greater
        }
    }

    /// `b` against `a`, given `a` against `b`.
    var reversed: NumericOrder {
        switch self {
        case .less: .greater
        case .greater: .less
        case .equal, .unordered: self
        }
    }
}
