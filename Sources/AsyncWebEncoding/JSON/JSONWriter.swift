/// JSON text as Python's `json.dumps` writes it: ASCII-only, floats as `repr`, and keys
/// sorted unless told otherwise. Both of Python's writers we match are this one with
/// different options:
///
/// ```swift
/// JSONWriter.flask.write(value)                            // session cookies, jsonify's text: {"a":1}
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
        var output: [UInt8] = []
        append(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the UTF-8 text of `value` to `output`: what ``write(_:)`` returns, without a
    /// string of its own.
    package func append(_ value: JSONValue, to output: inout [UInt8]) {
        let start = output.endIndex
        write(value, into: &output, depth: 0)
        guard htmlSafe else { return }
        // Jinja replaces in the whole dumped text, indent included; only these four change,
        // and as everything else but the indent is ASCII, byte by byte is scalar by scalar.
        let text = output[start...]
        var safe: [UInt8] = []
        safe.reserveCapacity(text.count)
        for byte in text {
            switch byte {
            case UInt8(ascii: "<"): safe.append(contentsOf: #"\u003c"#.utf8)
            case UInt8(ascii: ">"): safe.append(contentsOf: #"\u003e"#.utf8)
            case UInt8(ascii: "&"): safe.append(contentsOf: #"\u0026"#.utf8)
            case UInt8(ascii: "'"): safe.append(contentsOf: #"\u0027"#.utf8)
            default: safe.append(byte)
            }
        }
        output.replaceSubrange(start..., with: safe)
    }

    private func write(_ value: JSONValue, into output: inout [UInt8], depth: Int) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): Self.appendInteger(number, to: &output)
        case .largeInteger(let digits): output.append(contentsOf: digits.utf8)
        case .double(let number): Self.appendDouble(number, to: &output)
        case .string(let text): Self.appendString(text, to: &output)
        case .array(let elements):
            writeContainer(open: "[", close: "]", elements, into: &output, depth: depth) { element, output in
                write(element, into: &output, depth: depth + 1)
            }
        case .object(let members):
            // Members already in order (one member, or a struct's keys declared
            // alphabetically) need no sorted copy.
            let precedes = { (a: (key: String, value: JSONValue), b: (key: String, value: JSONValue)) in
                Self.keyPrecedes(a.key, b.key)
            }
            let inOrder = !sortKeys || zip(members, members.dropFirst()).allSatisfy { !precedes($1, $0) }
            let ordered = inOrder ? members : members.sorted(by: precedes)
            writeContainer(open: "{", close: "}", ordered, into: &output, depth: depth) { member, output in
                Self.appendString(member.key, to: &output)
                output.append(contentsOf: (compact ? ":" : ": ").utf8)
                write(member.value, into: &output, depth: depth + 1)
            }
        }
    }

    private func writeContainer<Element>(
        open: Unicode.Scalar, close: Unicode.Scalar, _ elements: [Element], into output: inout [UInt8], depth: Int,
        writeElement: (Element, inout [UInt8]) -> Void
    ) {
        output.append(UInt8(ascii: open))
        guard !elements.isEmpty else {
            output.append(UInt8(ascii: close))
            return
        }
        let separator = compact || indent != nil ? "," : ", "
        for (index, element) in elements.enumerated() {
            if index > 0 { output.append(contentsOf: separator.utf8) }
            if let indent { appendLineStart(indent, depth: depth + 1, to: &output) }
            writeElement(element, &output)
        }
        if let indent { appendLineStart(indent, depth: depth, to: &output) }
        output.append(UInt8(ascii: close))
    }

    private func appendLineStart(_ indent: String, depth: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { output.append(contentsOf: indent.utf8) }
    }
}
