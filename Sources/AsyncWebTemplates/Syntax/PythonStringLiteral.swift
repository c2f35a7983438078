/// Decodes the backslash escapes of a Python string literal, which is
/// what Jinja does to every quoted string in a template.
enum PythonStringLiteral {
    /// Python's own description of the bad escape, which Jinja reports.
    struct MalformedEscape: Error {
        var message: String
    }

    private static let simpleEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "\\": "\\", "'": "'", "\"": "\"", "a": "\u{07}", "b": "\u{08}",
        "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
    ]

    /// The string between the quotes with its escapes resolved, or the
    /// message Python gives for a malformed escape. Unknown escapes such
    /// as `\d` stay as written, as in Python.
    static func decode(_ content: ArraySlice<Unicode.Scalar>) throws(MalformedEscape) -> String {
        var result = String.UnicodeScalarView()
        var index = content.startIndex
        while index < content.endIndex {
            let scalar = content[index]
            index += 1
            guard scalar == "\\", index < content.endIndex else {
                result.append(scalar)
                continue
            }
            let escape = content[index]
            index += 1
            if escape == "\n" {
                continue
            } else if let replacement = simpleEscapes[escape] {
                result.append(replacement)
            } else if let octalValue = UInt32(String(escape), radix: 8) {
                var value = octalValue
                var digits = 1
                while digits < 3, index < content.endIndex, let digit = UInt32(String(content[index]), radix: 8) {
                    value = value * 8 + digit
                    index += 1
                    digits += 1
                }
                result.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            } else if let (width, name) = hexEscapes[escape] {
                let hexEnd = index + width
                guard hexEnd <= content.endIndex,
                      let value = UInt32(String(String.UnicodeScalarView(content[index..<hexEnd])), radix: 16),
                      content[index..<hexEnd].allSatisfy({ $0.isASCII && $0 != "+" && $0 != "-" })
                else { throw MalformedEscape(message: "truncated \\\(name) escape") }
                guard let decoded = Unicode.Scalar(value) else { throw MalformedEscape(message: "illegal Unicode character") }
                result.append(decoded)
                index = hexEnd
            } else if escape == "N" {
                throw MalformedEscape(message: "named Unicode escapes (\\N{...}) are not supported in templates")
            } else {
                result.append("\\")
                result.append(escape)
            }
        }
        return String(result)
    }

    private static let hexEscapes: [Unicode.Scalar: (Int, String)] = [
        "x": (2, "xXX"), "u": (4, "uXXXX"), "U": (8, "UXXXXXXXX"),
    ]
}
