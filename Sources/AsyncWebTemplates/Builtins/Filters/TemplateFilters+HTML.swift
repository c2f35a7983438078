internal import AsyncWebEncoding

/// The filters that decide what is HTML: `escape`, `forceescape`, `safe`,
/// `striptags`, `xmlattr`, and `urlencode` for URLs inside it.
extension TemplateFilters {
    /// MarkupSafe's `escape`: ``Markup`` as it is, anything else as escaped
    /// text; Markup either way, even where autoescaping is off.
    static func escapeFilter(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.escapeSignature.bind(arguments)
        if case .markup = value { return value }
        return .markup(escape(try value.text()))
    }

    /// Escapes even ``Markup``, so its tags show as text.
    static func forceescape(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doForceescapeSignature.bind(arguments)
        return .markup(escape(try value.text()))
    }

    /// Marks the value's text as HTML that needs no escaping.
    static func safe(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doMarkSafeSignature.bind(arguments)
        return .markup(Markup(try value.text()))
    }

    /// The text without tags and comments, whitespace collapsed and
    /// entities decoded: plain text, so escaped again when printed.
    static func striptags(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doStriptagsSignature.bind(arguments)
        return .string(Markup(try value.text()).striptags())
    }

    /// A dictionary as escaped `key="value"` attributes, leaving out `none`
    /// and undefined values, with a leading space unless `autospace` is false.
    static func xmlattr(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let autospace = try Self.doXmlattrSignature.bind(arguments)
            .flag(0, default: true)
        if case .undefined(let undefined) = value { throw undefined.error }
        guard case .dictionary(let members) = value else {
            throw PythonErrors.attribute(value, "items")
        }
        var attributes: [String] = []
        for (key, member) in members {
            if case .none = member { continue }
            if member.isUndefined { continue }
            guard let name = key.stringValue else {
                throw TemplateError(.type, "expected string or bytes-like object, got '\(typeName(key))'")
            }
            // Characters that would end the attribute name in an HTML parser.
            guard !name.unicodeScalars.contains(where: { " \t\n\r\u{0B}\u{0C}/>=".unicodeScalars.contains($0) }) else {
                throw TemplateError(.value, "Invalid character in attribute name: \(key.repr)")
            }
            attributes.append("\(try escaped(key))=\"\(try escaped(member))\"")
        }
        var html = attributes.joined(separator: " ")
        if autospace && !html.isEmpty { html = " " + html }
        return state.autoescape ? .markup(Markup(html)) : .string(html)
    }

    /// Percent-encodes a string (keeping `/`), or builds a query string
    /// from a dictionary or a list of pairs (with `+` for spaces).
    static func urlencode(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doUrlencodeSignature.bind(arguments)
        let pairs: [TemplateValue]
        switch value {
        case .string, .markup, .none, .bool, .int, .double, .callable:
            return .string(urlQuote(try value.text(), forQuery: false))
        case .dictionary(let members):
            pairs = members.map { .tuple([$0.key, $0.value]) }
        case .object(let object) where object.elements == nil:
            return .string(urlQuote(try value.text(), forQuery: false))
        default:
            pairs = try iterate(value)
        }
        return .string(try pairs.map { pair in
            let (key, member) = try unpackPair(pair)
            return urlQuote(try key.text(), forQuery: true) + "=" + urlQuote(try member.text(), forQuery: true)
        }.joined(separator: "&"))
    }

    /// Python's `k, v = pair`.
    static func unpackPair(_ pair: TemplateValue) throws -> (TemplateValue, TemplateValue) {
        let parts: [TemplateValue]
        do {
            parts = try iterate(pair)
        } catch let error as TemplateError where error.kind == .type {
            throw TemplateError(.type, "cannot unpack non-iterable \(typeName(pair)) object")
        }
        guard parts.count <= 2 else { throw TemplateError(.value, "too many values to unpack (expected 2)") }
        guard parts.count == 2 else { throw TemplateError(.value, "not enough values to unpack (expected 2, got \(parts.count))") }
        return (parts[0], parts[1])
    }

    /// Jinja's `url_quote`: Python's `quote`, keeping `/` outside query strings, where
    /// spaces become `+`.
    static func urlQuote(_ text: String, forQuery: Bool) -> String {
        PercentEncoding.quote(text, safe: forQuery ? .unreserved : .unreservedAndSlash, spaceAsPlus: forQuery)
    }

    /// MarkupSafe's `escape(value)` as text.
    private static func escaped(_ value: TemplateValue) throws -> String {
        if case .markup(let markup) = value { return markup.html }
        return escape(try value.text()).html
    }
}

/// The Python signatures of the filters above, made once rather than per call.
extension TemplateFilters {
    static let escapeSignature = FilterSignature("escape", implicit: ["s"])
    static let doForceescapeSignature = FilterSignature("do_forceescape", implicit: ["value"])
    static let doMarkSafeSignature = FilterSignature("do_mark_safe", implicit: ["value"])
    static let doStriptagsSignature = FilterSignature("do_striptags", implicit: ["value"])
    static let doXmlattrSignature = FilterSignature("do_xmlattr", implicit: ["eval_ctx", "d"], ["autospace"])
    static let doUrlencodeSignature = FilterSignature("do_urlencode", implicit: ["value"])
}
