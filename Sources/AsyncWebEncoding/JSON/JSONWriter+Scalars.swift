/// The pieces of JSON text both writers share: ``JSONWriter`` for a ``JSONValue`` tree and
/// ``JSONTextEncoder`` for an `Encodable` written as it encodes itself. One implementation,
/// so the two cannot drift apart by a byte.
extension JSONWriter {
    /// True when `a` sorts before `b` as Python's `sort_keys` sorts them: by code point,
    /// which is UTF-8 byte order.
    package static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// A JSON string with everything outside printable ASCII escaped, as `ensure_ascii` does.
    package static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most strings are printable ASCII with nothing to escape: appended whole, not a
        // scalar at a time (measured: the largest part of a small JSON response's writing),
        // checked and copied as the contiguous bytes a native string has (walking its UTF-8
        // view generically took longer than the rest of the encoding). A string without
        // such bytes takes the scalar walk below, which writes the same.
        let appendedWhole = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard utf8.allSatisfy({ 0x20...0x7E ~= $0 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) else {
                return false
            }
            output.append(contentsOf: utf8)
            return true
        }
        if appendedWhole == true {
            output.append(UInt8(ascii: "\""))
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append(contentsOf: #"\""#.utf8)
            case "\\": output.append(contentsOf: #"\\"#.utf8)
            case "\n": output.append(contentsOf: #"\n"#.utf8)
            case "\r": output.append(contentsOf: #"\r"#.utf8)
            case "\t": output.append(contentsOf: #"\t"#.utf8)
            case "\u{08}": output.append(contentsOf: #"\b"#.utf8)
            case "\u{0C}": output.append(contentsOf: #"\f"#.utf8)
            case " "..."~": output.append(UInt8(scalar.value))
            default:
                // Python escapes in UTF-16 code units: a scalar past the BMP is a surrogate pair.
                for unit in scalar.utf16 { appendUnicodeEscape(unit, to: &output) }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `\u` and four lowercase hexadecimal digits, as Python writes them.
    private static func appendUnicodeEscape(_ unit: UInt16, to output: inout [UInt8]) {
        output.append(contentsOf: #"\u"#.utf8)
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: unit >> UInt16(shift)) & 0xF
            output.append(digit < 10 ? 0x30 + digit : 0x61 - 10 + digit)
        }
    }

    /// An integer in decimal, written in place: `String(number)` would allocate for the
    /// longest ones (`Int.min` has 20 characters, a small string holds 15).
    package static func appendInteger(_ number: Int, to output: inout [UInt8]) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var rest = number.magnitude
        var digits = 1
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        rest = number.magnitude
        output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var index = output.endIndex
        repeat {
            index -= 1
            output[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
    }

    /// A float as Python's `json` writes it: see ``pythonRepr(_:)``.
    package static func appendDouble(_ number: Double, to output: inout [UInt8]) {
        output.append(contentsOf: pythonRepr(number).utf8)
    }

    /// A float as Python's `json` writes it: `repr` (shortest digits, `1.0`, exponent only
    /// below 1e-4 or from 1e16), with `NaN` and `Infinity` for the values JSON lacks.
    package static func pythonRepr(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return PythonText.repr(number)
    }
}
