/// Decodes HTML character references the way Python's `html.unescape` does: numeric
/// (`&#62;`, `&#x3E;`) and named (`&raquo;`, and names without `;` where HTML5 allows the
/// longest known prefix), with HTML5's replacements for invalid numbers.
enum HTMLUnescaper {
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (replacement, length) = reference(in: scalars, at: index + 1) {
                output.append(contentsOf: replacement.unicodeScalars)
                index += 1 + length
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    /// The text for the reference starting after an `&`, and how many scalars it spans.
    private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        guard start < scalars.count else { return nil }
        if scalars[start] == "#" { return numeric(in: scalars, at: start + 1) }
        // A name: up to 32 characters that are not whitespace, `<`, `&`, `#` or `;`, then maybe `;`.
        var end = start
        while end < scalars.count, end - start < HTMLEntities.longestName,
            !"\t\n\u{0C} <&#;".unicodeScalars.contains(scalars[end])
        {
            end += 1
        }
        guard end > start else { return nil }
        var name = String(String.UnicodeScalarView(scalars[start..<end]))
        if end < scalars.count, scalars[end] == ";" {
            name += ";"
            end += 1
        }
        if let text = HTMLEntities.table[name[...]] { return (text, end - start) }
        // The longest known prefix of at least two characters, the rest kept as written.
        var prefixLength = name.count - 1
        while prefixLength > 1 {
            let prefix = name.prefix(prefixLength)
            if let text = HTMLEntities.table[prefix] {
                return (text + name.dropFirst(prefixLength), end - start)
            }
            prefixLength -= 1
        }
        return nil
    }

    private static func numeric(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start
        let isHex = index < scalars.count && (scalars[index] == "x" || scalars[index] == "X")
        if isHex { index += 1 }
        let digitsStart = index
        while index < scalars.count, isHex ? scalars[index].properties.isASCIIHexDigit : ("0"..."9").contains(scalars[index]) {
            index += 1
        }
        guard index > digitsStart else { return nil }
        let digits = String(String.UnicodeScalarView(scalars[digitsStart..<index]))
        if index < scalars.count, scalars[index] == ";" { index += 1 }
        let length = index - (start - 1)
        guard let number = UInt64(digits, radix: isHex ? 16 : 10), number <= 0x10FFFF else {
            return ("\u{FFFD}", length)
        }
        let code = UInt32(number)
        if let redirected = HTMLEntities.redirectedNumbers[code] {
            return (String(String.UnicodeScalarView(redirected.compactMap(Unicode.Scalar.init))), length)
        }
        if (0xD800...0xDFFF).contains(code) { return ("\u{FFFD}", length) }
        if HTMLEntities.droppedNumbers.contains(code) { return ("", length) }
        return (Unicode.Scalar(code).map { String($0) } ?? "\u{FFFD}", length)
    }
}
