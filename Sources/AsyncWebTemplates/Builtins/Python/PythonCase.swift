/// Python's case mappings and case predicates (`str.lower()`, `str.title()`,
/// `str.islower()`, …), code point by code point with Unicode's full
/// mappings, so `'ß'.upper()` is `'SS'` and a final `Σ` lowers to `ς`.
///
/// Swift's `lowercased()` and `uppercased()` agree for most text, but
/// title case, capitalisation, case folding and the predicates have no
/// standard-library equivalent with Python's rules.
enum PythonCase {
    static func lower(_ text: String) -> String {
        if let ascii = mappingASCII(text, { $0 &- 65 < 26 ? $0 | 0x20 : $0 }) { return ascii }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            result.append(contentsOf: lowered(scalars, at: index))
        }
        return String(result)
    }

    static func upper(_ text: String) -> String {
        if let ascii = mappingASCII(text, { $0 &- 97 < 26 ? $0 & ~0x20 : $0 }) { return ascii }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(contentsOf: scalar.properties.uppercaseMapping.unicodeScalars)
        }
        return String(result)
    }

    /// Each word's first cased letter in title case, the rest lowered; a
    /// "word" is a run of cased letters, so `"3rd"` becomes `"3Rd"`.
    static func title(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var previousIsCased = false
        for index in scalars.indices {
            if previousIsCased {
                result.append(contentsOf: lowered(scalars, at: index))
            } else {
                result.append(contentsOf: scalars[index].properties.titlecaseMapping.unicodeScalars)
            }
            previousIsCased = scalars[index].properties.isCased
        }
        return String(result)
    }

    /// The first code point in title case, the rest lowered.
    static func capitalize(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            if index == 0 {
                result.append(contentsOf: scalars[0].properties.titlecaseMapping.unicodeScalars)
            } else {
                result.append(contentsOf: lowered(scalars, at: index))
            }
        }
        return String(result)
    }

    static func swapcase(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            let properties = scalars[index].properties
            if properties.isUppercase {
                result.append(contentsOf: lowered(scalars, at: index))
            } else if properties.isLowercase {
                result.append(contentsOf: properties.uppercaseMapping.unicodeScalars)
            } else {
                result.append(scalars[index])
            }
        }
        return String(result)
    }

    /// Unicode's full case folding. The standard library exposes no folding
    /// table, but for every code point Python folds, lowering its upper case
    /// gives the same result, except Cherokee (which folds to upper case)
    /// and capital sharp s.
    static func casefold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if (0x13A0...0x13FD).contains(scalar.value) || (0xAB70...0xABBF).contains(scalar.value) {
                result.append(contentsOf: properties.uppercaseMapping.unicodeScalars)
            } else if scalar == "\u{1E9E}" {
                result.append(contentsOf: "ss".unicodeScalars)
            } else {
                var folded = String.UnicodeScalarView()
                for upper in properties.uppercaseMapping.unicodeScalars {
                    folded.append(contentsOf: upper.properties.lowercaseMapping.unicodeScalars)
                }
                // Unicode's property misses code points that fold to their own
                // decomposition (ǰ to j + ̌), which compare equal as Swift strings.
                let folds = properties.changesWhenCaseFolded
                    || (!folded.elementsEqual([scalar]) && String(folded) == String(scalar))
                if folds {
                    result.append(contentsOf: folded)
                } else {
                    result.append(scalar)
                }
            }
        }
        return String(result)
    }

    /// `str.islower()`: some cased code point, and none upper or title case.
    static func isLower(_ text: String) -> Bool {
        var cased = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isUppercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isLowercase { cased = true }
        }
        return cased
    }

    /// `str.isupper()`: some cased code point, and none lower or title case.
    static func isUpper(_ text: String) -> Bool {
        var cased = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }

    /// `str.istitle()`: upper or title case only after uncased code points,
    /// lower case only after cased ones, and at least one cased.
    static func isTitle(_ text: String) -> Bool {
        var cased = false
        var previousIsCased = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isUppercase || properties.generalCategory == .titlecaseLetter {
                if previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else if properties.isLowercase {
                if !previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else {
                previousIsCased = false
            }
        }
        return cased
    }

    /// The lower case of `scalars[index]`, where a capital sigma becomes the
    /// final `ς` when it ends a word (Unicode's Final_Sigma context, as Python applies it).
    /// `text` with each byte mapped, when it is all ASCII (the common case,
    /// which needs no Unicode tables); nil otherwise.
    @inline(__always)
    private static func mappingASCII(_ text: String, _ transform: (UInt8) -> UInt8) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            // Short words (most of what templates lower) are built on the stack
            // and become a small string, with no allocation at all.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
                for index in bytes.indices { buffer[index] = transform(bytes[index]) }
                return String(decoding: buffer, as: UTF8.self)
            }
        }
    }

    private static func lowered(_ scalars: [Unicode.Scalar], at index: Int) -> String.UnicodeScalarView {
        let scalar = scalars[index]
        guard scalar == "\u{03A3}" else { return scalar.properties.lowercaseMapping.unicodeScalars }
        let before = scalars[..<index].last { !$0.properties.isCaseIgnorable }
        let after = scalars[(index + 1)...].first { !$0.properties.isCaseIgnorable }
        let isFinal = before?.properties.isCased == true && after?.properties.isCased != true
        return (isFinal ? "\u{03C2}" : "\u{03C3}").unicodeScalars
    }
}
