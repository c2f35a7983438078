/// JSON text as Python's `json.dumps` writes it: ASCII-only, floats as `repr`, and keys
/// sorted unless told otherwise. Both of Python's writers we match are this one with
/// different options:
///
/// ```swift
/// JSONWriter.flask.write(value)                            // jsonify, session cookies: {"a":1}
/// JSONWriter(htmlSafe: true).write(value)                  // Jinja's tojson: {"a": "\u003cb\u003e"}
/// JSONWriter(indent: "  ", htmlSafe: true).write(value)    // tojson(2)
/// ```
package struct JSONWriter: Sendable {
    /// Text written before each line of a container's members, once per level; nil
    /// writes everything on one line.
    package var indent: String?
    /// `(",", ":")` separators as Flask's provider passes them, rather than Python's
    /// default `", "` and `": "` (`","` alone when indenting).
    package var compact: Bool
    /// Object members in code point order, as `sort_keys=True` does; off, in their own order.
    package var sortKeys: Bool
    /// `<`, `>`, `&` and `'` written as `\u003c`-style escapes, as Jinja's
    /// `htmlsafe_json_dumps` does, so the text is safe in `<script>` and single-quoted attributes.
    package var htmlSafe: Bool

    package init(indent: String? = nil, compact: Bool = false, sortKeys: Bool = true, htmlSafe: Bool = false) {
        self.indent = indent
        self.compact = compact
        self.sortKeys = sortKeys
        self.htmlSafe = htmlSafe
    }

    /// Flask's default provider: compact and key-sorted, so an AsyncWeb endpoint and its
    /// Flask twin send the same bytes.
    package static let flask = JSONWriter(compact: true)

    package func write(_ value: JSONValue) -> String {
        var output = ""
        append(value, to: &output)
        return output
    }

    /// Appends the text of `value` to `output`: what ``write(_:)`` returns, without a string
    /// of its own (jsonify writes its final newline into the same one).
    package func append(_ value: JSONValue, to output: inout String) {
        guard htmlSafe else {
            write(value, into: &output, depth: 0)
            return
        }
        var text = ""
        write(value, into: &text, depth: 0)
        // Jinja replaces in the whole dumped text, indent included; only these four change.
        var safe = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": safe += "\\u003c"
            case ">": safe += "\\u003e"
            case "&": safe += "\\u0026"
            case "'": safe += "\\u0027"
            default: safe.unicodeScalars.append(scalar)
            }
        }
        output += safe
    }

    private func write(_ value: JSONValue, into output: inout String, depth: Int) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number): output += Self.pythonRepr(number)
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let elements):
            writeContainer(open: "[", close: "]", elements, into: &output, depth: depth) { element, output in
                write(element, into: &output, depth: depth + 1)
            }
        case .object(let members):
            // Python sorts by code point, which is UTF-8 byte order. Members already in order
            // (one member, or a struct's keys declared alphabetically) need no sorted copy.
            let precedes = { (a: (key: String, value: JSONValue), b: (key: String, value: JSONValue)) in
                a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
            }
            let inOrder = !sortKeys || zip(members, members.dropFirst()).allSatisfy { !precedes($1, $0) }
            let ordered = inOrder ? members : members.sorted(by: precedes)
            writeContainer(open: "{", close: "}", ordered, into: &output, depth: depth) { member, output in
                Self.writeString(member.key, into: &output)
                output += compact ? ":" : ": "
                write(member.value, into: &output, depth: depth + 1)
            }
        }
    }

    private func writeContainer<Element>(
        open: String, close: String, _ elements: [Element], into output: inout String, depth: Int,
        writeElement: (Element, inout String) -> Void
    ) {
        output += open
        guard !elements.isEmpty else {
            output += close
            return
        }
        let separator = compact || indent != nil ? "," : ", "
        let lineStart = indent.map { "\n" + String(repeating: $0, count: depth + 1) } ?? ""
        for (index, element) in elements.enumerated() {
            if index > 0 { output += separator }
            output += lineStart
            writeElement(element, &output)
        }
        if let indent { output += "\n" + String(repeating: indent, count: depth) }
        output += close
    }

    /// A JSON string with everything outside printable ASCII escaped, as `ensure_ascii` does.
    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        // Most strings are printable ASCII with nothing to escape: appended whole, not a
        // scalar at a time (measured: the largest part of a small JSON response's writing).
        if text.utf8.allSatisfy({ 0x20...0x7E ~= $0 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            output += text
            output += "\""
            return
        }
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
