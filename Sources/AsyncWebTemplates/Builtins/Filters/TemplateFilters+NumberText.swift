internal import AsyncWebEncoding
internal import BigInt

extension TemplateFilters {
    /// Python's conversions between numbers and text that `int`, `round`
    /// and `filesizeformat` need beyond ``PythonText``: `int(text, base)`,
    /// `f"{x:.1f}"` and `round(x, digits)`, all exact as Python's are.
    enum PythonNumber {
        /// `int(text, base)`: whitespace and a sign around digits of `base`
        /// (2…36, or 0 to read a `0x`/`0o`/`0b` prefix), single underscores
        /// between digits; nil where Python raises `ValueError`, which includes
        /// more than 4300 digits in a base that is not a power of two
        /// (`sys.int_max_str_digits`).
        static func integer(_ text: String, base: Int) -> TemplateValue? {
            guard base == 0 || (2...36).contains(base) else { return nil }
            let stripped = PythonString.strip(Array(text.unicodeScalars), nil, leading: true, trailing: true)
            var scalars = Substring(stripped).unicodeScalars[...]
            var negative = false
            if let sign = scalars.first, sign == "+" || sign == "-" {
                negative = sign == "-"
                scalars = scalars.dropFirst()
            }
            var radix = base
            // Base 0 reads decimals as source code does, where `010` is an error but `00` is zero.
            var mustBeZero = false
            let prefixes: [(letter: Unicode.Scalar, radix: Int)] = [("x", 16), ("o", 8), ("b", 2)]
            if scalars.count >= 2, scalars.first == "0",
                let prefix = prefixes.first(where: { $0.letter == lowercased(scalars.dropFirst().first!) }),
                base == 0 || base == prefix.radix
            {
                radix = prefix.radix
                scalars = scalars.dropFirst(2)
                if scalars.first == "_" { scalars = scalars.dropFirst() }
            } else if base == 0 {
                radix = 10
                mustBeZero = scalars.first == "0"
            }
            guard scalars.first != "_" else { return nil }
            var magnitude = 0
            // Where `magnitude` would overflow, the digits go on here.
            var largeMagnitude: BigInt?
            var digitCount = 0
            var afterUnderscore = false
            for scalar in scalars {
                if scalar == "_" {
                    guard !afterUnderscore else { return nil }
                    afterUnderscore = true
                    continue
                }
                guard let digit = digitValue(scalar), digit < radix else { return nil }
                let (shifted, overflowA) = magnitude.multipliedReportingOverflow(by: radix)
                let (sum, overflowB) = shifted.addingReportingOverflow(digit)
                if let large = largeMagnitude {
                    largeMagnitude = large * BigInt(radix) + BigInt(digit)
                } else if overflowA || overflowB {
                    largeMagnitude = BigInt(magnitude) * BigInt(radix) + BigInt(digit)
                } else {
                    magnitude = sum
                }
                digitCount += 1
                afterUnderscore = false
            }
            guard digitCount > 0, !afterUnderscore, !(mustBeZero && magnitude != 0) else { return nil }
            guard radix.nonzeroBitCount == 1 || digitCount <= 4300 else { return nil }
            if let large = largeMagnitude { return TemplateValue(integer: negative ? -large : large) }
            return .int(negative ? -magnitude : magnitude)
        }

        /// `f"{value:.{digits}f}"`, rounded half to even on the exact binary value.
        static func fixed(_ value: Double, digits: Int) -> String {
            if value.isNaN { return "nan" }
            if value.isInfinite { return value < 0 ? "-inf" : "inf" }
            return CFormat.double(value, "%.\(digits)f")
        }

        /// `round(value, digits)` for a float: the nearest multiple of
        /// 10^-digits, ties to even, judged on the exact binary value (so
        /// `round(2.675, 2)` is `2.67`, as 2.675 is stored a little below).
        static func round(_ value: Double, digits: Int) -> Double {
            guard value.isFinite, value != 0 else { return value }
            // Python's limits: beyond them the result is the value or a signed zero.
            if digits > 323 { return value }
            if digits < -308 { return 0 * value }
            if digits >= 0 { return Double(fixed(value, digits: digits))! }
            // Left of the point: round the exact integer digits by hand; only
            // a value with no fraction can be an exact tie.
            let whole = value.magnitude.rounded(.towardZero)
            let digitsOfWhole = fixed(whole, digits: 0).utf8.map { Int($0) - 48 }
            let dropped = -digits
            guard digitsOfWhole.count >= dropped else { return 0 * value }
            var kept = Array(digitsOfWhole.dropLast(dropped))
            let tail = digitsOfWhole.suffix(dropped)
            let restIsZero = whole == value.magnitude && tail.dropFirst().allSatisfy { $0 == 0 }
            let roundsUp = tail.first! > 5 || (tail.first! == 5 && (!restIsZero || (kept.last ?? 0) % 2 == 1))
            if roundsUp {
                var position = kept.count - 1
                while position >= 0 && kept[position] == 9 {
                    kept[position] = 0
                    position -= 1
                }
                if position >= 0 { kept[position] += 1 } else { kept.insert(1, at: 0) }
            }
            let text = kept.map(String.init).joined() + String(repeating: "0", count: dropped)
            let magnitude = Double(text)!
            return value < 0 ? -magnitude : magnitude
        }

        /// `round(value, digits)` for an integer: the nearest multiple of
        /// 10^-digits, ties to even.
        static func round(_ value: BigInt, digits: Int) -> BigInt {
            guard digits < 0 else { return value }
            // A power of ten past the value's own digits rounds it to 0, without computing that power.
            guard -Double(digits) <= Double(value.magnitude.bitWidth) * 0.30103 + 1 else { return 0 }
            let power = BigInt(10).power(-digits)
            let remainder = TemplateValue.modulo(value, power)
            let floor = value - remainder
            let twice = remainder * 2
            if twice < power || (twice == power && (floor / power) % 2 == 0) { return floor }
            return floor + power
        }

        private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
            if let decimal = PythonText.digitValue(scalar) { return decimal }
            switch scalar {
            case "a"..."z": return Int(scalar.value) - 87
            case "A"..."Z": return Int(scalar.value) - 55
            default: return nil
            }
        }

        private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
    }
}
