internal import AsyncWebEncoding

/// `tojson`: Jinja's `htmlsafe_json_dumps`, which is Python's
/// `json.dumps(value, sort_keys=True)` with `<`, `>`, `&` and `'` written as
/// `\u003c`-style escapes so the result is safe inside `<script>` and in
/// single-quoted attributes. Always ``Markup``.
///
/// ```
/// {{ {"b": [1, 2.5], "a": "</script>"}|tojson }}
/// {"a": "\u003c/script\u003e", "b": [1, 2.5]}
/// ```
extension TemplateFilters {
    static func tojson(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let indentArgument = try Self.doTojsonSignature.bind(arguments).optional(0)
        var indent: String?
        if let indentArgument {
            // Python's `json` takes a number of spaces or the indent text itself.
            if indentArgument.stringValue == nil { try TemplateSizeLimit.check(try index(indentArgument)) }
            indent = try indentArgument.stringValue ?? String(repeating: " ", count: max(index(indentArgument), 0))
        }
        var json = ""
        try writeJSON(value, indent: indent, depth: 0, into: &json)
        var safe = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": safe += "\\u003c"
            case ">": safe += "\\u003e"
            case "&": safe += "\\u0026"
            case "'": safe += "\\u0027"
            default: safe.unicodeScalars.append(scalar)
            }
        }
        return .markup(Markup(safe))
    }

    /// Python's JSON encoder: `", "` and `": "` separators, or one member a
    /// line with `indent`; ASCII only; keys sorted and made strings.
    private static func writeJSON(_ value: TemplateValue, indent: String?, depth: Int, into json: inout String) throws {
        switch value {
        case .none: json += "null"
        case .bool(let flag): json += flag ? "true" : "false"
        case .int(let number): json += String(number)
        case .double(let number): json += FlaskJSON.pythonRepr(number)
        case .string(let text): FlaskJSON.writeString(text, into: &json)
        case .markup(let markup): FlaskJSON.writeString(markup.html, into: &json)
        case .list(let elements), .tuple(let elements):
            try writeJSONContainer("[", "]", elements, indent: indent, depth: depth, into: &json) { element, json in
                try writeJSON(element, indent: indent, depth: depth + 1, into: &json)
            }
        case .dictionary(let members):
            let sorted = try stableSorted(Array(members), by: { try TemplateValue.isLess($0.key, $1.key) })
            try writeJSONContainer("{", "}", sorted, indent: indent, depth: depth, into: &json) { member, json in
                FlaskJSON.writeString(try jsonKey(member.key), into: &json)
                json += ": "
                try writeJSON(member.value, indent: indent, depth: depth + 1, into: &json)
            }
        case .object(let object) where object.elements != nil:
            try writeJSON(.list(object.elements!), indent: indent, depth: depth, into: &json)
        case .undefined, .callable, .object:
            throw TemplateError(.type, "Object of type \(typeName(value)) is not JSON serializable")
        }
    }

    private static func writeJSONContainer<Element>(
        _ open: String, _ close: String, _ elements: [Element], indent: String?, depth: Int, into json: inout String,
        writeElement: (Element, inout String) throws -> Void
    ) throws {
        guard !elements.isEmpty else {
            json += open + close
            return
        }
        json += open
        let separator = indent.map { ",\n" + String(repeating: $0, count: depth + 1) } ?? ", "
        if let indent { json += "\n" + String(repeating: indent, count: depth + 1) }
        for (offset, element) in elements.enumerated() {
            if offset > 0 { json += separator }
            try writeElement(element, &json)
        }
        if let indent { json += "\n" + String(repeating: indent, count: depth) }
        json += close
    }

    /// A dictionary key as JSON has it: strings as they are, numbers,
    /// booleans and `None` as their JSON text, anything else a `TypeError`.
    private static func jsonKey(_ key: TemplateValue) throws -> String {
        switch key {
        case .string(let text): return text
        case .markup(let markup): return markup.html
        case .int(let number): return String(number)
        case .double(let number): return FlaskJSON.pythonRepr(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .none: return "null"
        default: throw TemplateError(.type, "keys must be str, int, float, bool or None, not \(typeName(key))")
        }
    }
}

/// The Python signatures of the filters above, made once rather than per call.
extension TemplateFilters {
    static let doTojsonSignature = FilterSignature("do_tojson", implicit: ["eval_ctx", "value"], ["indent"])
}
