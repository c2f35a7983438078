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
        // Python sorts keys before it makes them strings, so the template value sorts its own
        // (numbers numerically) and the writer keeps that order.
        let json = try value.jsonValue(sortingKeys: true)
        return .markup(Markup(JSONWriter(indent: indent, sortKeys: false, htmlSafe: true).write(json)))
    }
}

/// The Python signatures of the filters above, made once rather than per call.
extension TemplateFilters {
    static let doTojsonSignature = FilterSignature("do_tojson", implicit: ["eval_ctx", "value"], ["indent"])
}
