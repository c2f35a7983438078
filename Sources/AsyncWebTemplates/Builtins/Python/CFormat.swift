internal import Glibc

/// C's `printf` for one `double`, which rounds exactly as Python's float
/// formatting does (both are correctly rounded), so `%.2f` and `{:.2f}`
/// can share it.
enum CFormat {
    /// `value` formatted by a printf `format` with one conversion, e.g. `"%.3e"`.
    static func double(_ value: Double, _ format: String) -> String {
        // Most numbers fit in a small buffer; only huge `%f` values need a second pass.
        let small = 64
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: small) { buffer in
            let length = Int(withVaList([value]) { vsnprintf(buffer.baseAddress, small, format, $0) })
            guard length >= 0 else { return "" }
            if length < small {
                return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: length), as: UTF8.self)
            }
            var large = [CChar](repeating: 0, count: length + 1)
            _ = large.withUnsafeMutableBufferPointer { pointer in
                withVaList([value]) { vsnprintf(pointer.baseAddress, pointer.count, format, $0) }
            }
            return String(decoding: large.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}

extension CFormat {
    /// `%.<precision>f` without going through printf, for the values where
    /// the shortest round-trip digits (Swift's `description`) settle the
    /// rounding; nil for the rest (ties, huge or tiny values), which printf
    /// then formats.
    ///
    /// The shortest digits S of a double V lie within half an ulp of it, and
    /// no shorter decimal does. So a rounding boundary B with as many digits
    /// as the precision allows cannot sit between V and S unless S is B
    /// itself (a tie), and rounding S rounds V.
    static func fixed(_ value: Double, precision: Int) -> String? {
        let magnitude = value.magnitude
        guard value.isFinite, precision <= 15, magnitude < 1e15, magnitude >= 1e-4 || magnitude == 0 else { return nil }
        var text = magnitude.description
        return text.withUTF8 { shortest -> String? in
            guard let dot = shortest.firstIndex(of: UInt8(ascii: ".")) else { return nil }
            let fraction = shortest[(dot + 1)...]
            if fraction.count <= precision, magnitude.ulp >= pow10(-precision) { return nil }
            // At most a sign, 15 integer digits, a carry, a point and 15 decimals.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits -> String? in
                var count = 0
                func append(_ byte: UInt8) {
                    digits[count] = byte
                    count += 1
                }
                if value.sign == .minus { append(UInt8(ascii: "-")) }
                let signWidth = count
                for byte in shortest[..<dot] { append(byte) }
                if fraction.count <= precision {
                    // S is exact to the precision (V's ulp is below its last digit): pad it.
                    if precision > 0 {
                        append(UInt8(ascii: "."))
                        for byte in fraction { append(byte) }
                        for _ in fraction.count..<precision { append(UInt8(ascii: "0")) }
                    }
                    return String(decoding: UnsafeBufferPointer(rebasing: digits[..<count]), as: UTF8.self)
                }
                let cut = fraction.startIndex + precision
                let next = fraction[cut]
                if next == UInt8(ascii: "5"), fraction[(cut + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") }) { return nil }
                if precision > 0 {
                    append(UInt8(ascii: "."))
                    for byte in fraction[..<cut] { append(byte) }
                }
                if next >= UInt8(ascii: "5") {
                    var index = count - 1
                    while index >= signWidth, digits[index] == UInt8(ascii: "9") || digits[index] == UInt8(ascii: ".") {
                        if digits[index] == UInt8(ascii: "9") { digits[index] = UInt8(ascii: "0") }
                        index -= 1
                    }
                    if index >= signWidth {
                        digits[index] += 1
                    } else {
                        // All nines: shift right by one for the new leading 1.
                        for position in stride(from: count, to: signWidth, by: -1) { digits[position] = digits[position - 1] }
                        digits[signWidth] = UInt8(ascii: "1")
                        count += 1
                    }
                }
                return String(decoding: UnsafeBufferPointer(rebasing: digits[..<count]), as: UTF8.self)
            }
        }
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
