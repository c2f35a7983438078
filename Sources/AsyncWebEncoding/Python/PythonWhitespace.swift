extension Unicode.Scalar {
    /// Whitespace as Werkzeug's `str.strip()` and `str.split()` see it: Unicode's White_Space
    /// plus the ASCII separators U+001C to U+001F, which Python also counts.
    package var isWerkzeugWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace, as Python's `str.strip()` trims it.
    ///
    /// Works on scalars rather than characters, so a combining mark after a space survives
    /// the trim as it does in Python.
    package func trimmingWerkzeugWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWerkzeugWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isWerkzeugWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension Character {
    /// A character made of one Python whitespace scalar (what `str.split()` splits on).
    package var isWerkzeugWhitespace: Bool {
        unicodeScalars.count == 1 && unicodeScalars.first!.isWerkzeugWhitespace
    }
}
