/// JSON text exactly as Flask's default provider writes it (`json.dumps` with sorted keys and
/// ASCII-only output), so an AsyncWeb endpoint and its Flask twin send the same bytes.
///
/// Compact (`{"a":1}`) normally; in debug mode Flask indents by two spaces.
package enum FlaskJSON {
    package static func serialize(_ value: EncodedValue, pretty: Bool = false) -> String {
        var output = ""
        write(value, into: &output, pretty: pretty, depth: 0)
        return output
    }

    private static func write(_ value: EncodedValue, into output: inout String, pretty: Bool, depth: Int) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number): output += pythonRepr(number)
        case .string(let text): writeString(text, into: &output)
        case .array(let elements):
            writeContainer(open: "[", close: "]", elements, into: &output, pretty: pretty, depth: depth) { element, output in
                write(element, into: &output, pretty: pretty, depth: depth + 1)
            }
        case .object(let members):
            // Python sorts by code point, which is UTF-8 byte order.
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            writeContainer(open: "{", close: "}", sorted, into: &output, pretty: pretty, depth: depth) { member, output in
                writeString(member.key, into: &output)
                output += pretty ? ": " : ":"
                write(member.value, into: &output, pretty: pretty, depth: depth + 1)
            }
        }
    }

    private static func writeContainer<Element>(
        open: String, close: String, _ elements: [Element], into output: inout String, pretty: Bool, depth: Int,
        writeElement: (Element, inout String) -> Void
    ) {
        output += open
        guard !elements.isEmpty else {
            output += close
            return
        }
        let indent = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        for (index, element) in elements.enumerated() {
            if index > 0 { output += "," }
            output += indent
            writeElement(element, &output)
        }
        if pretty { output += "\n" + String(repeating: "  ", count: depth) }
        output += close
    }

    /// A JSON string with everything outside printable ASCII escaped, as `ensure_ascii` does.
    package static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case " "..."~": output.unicodeScalars.append(scalar)
            default:
                for unit in String(scalar).utf16 { output += "\\u" + hex4(unit) }
            }
        }
        output += "\""
    }

    private static func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// A float as Python's `json` writes it: `repr` (shortest digits, `1.0`, exponent only
    /// below 1e-4 or from 1e16), with `NaN` and `Infinity` for the values JSON lacks.
    package static func pythonRepr(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return PythonText.repr(number)
    }
}
