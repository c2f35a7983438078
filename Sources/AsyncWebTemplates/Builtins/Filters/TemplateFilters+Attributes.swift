internal import AsyncWebEncoding

/// The filters that look inside each element: `attr`, `map`, `select`,
/// `reject`, `selectattr`, `rejectattr`, and the attribute paths many
/// others take (`attribute="user.name"`, `"0"` for an index).
extension TemplateFilters {
    /// The attribute or method `name`, never an item: `{{ d|attr("k") }}`
    /// is undefined for a dictionary `d` with a key `k`.
    static func attr(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let nameArgument = try Self.doAttrSignature.bind(arguments)[0]!
        guard let name = nameArgument.stringValue else {
            throw TemplateError(.type, "attribute name must be string, not '\(typeName(nameArgument))'")
        }
        let missing = state.undefined(.attribute(owner: value.ownerDescription, name: name))
        switch value {
        case .undefined(let undefined): throw undefined.error
        case .object(let object): return object.attribute(name) ?? missing
        default: return TemplateMethods.exists(name, on: value) ? try state.attribute(of: value, name) : missing
        }
    }

    /// Each element's `attribute` (with `default` for missing ones), or
    /// each element through the filter named by the first argument.
    static func map(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        guard try value.truth() else { return [] }
        let transform: (TemplateValue) throws -> TemplateValue
        if arguments.positional.isEmpty, let attribute = arguments[keyword: "attribute"] {
            if let unexpected = arguments.keyword.first(where: { $0.name != "attribute" && $0.name != "default" }) {
                throw argumentError("Unexpected keyword argument \(PythonText.repr(unexpected.name))")
            }
            let getter = AttributeGetter(attribute, default: arguments[keyword: "default"], state: state)
            transform = getter.value
        } else {
            guard let name = arguments.positional.first else { throw argumentError("map requires a filter argument") }
            let rest = TemplateCallArguments(Array(arguments.positional.dropFirst()), keyword: arguments.keyword)
            transform = { element in
                let filter = try lookUp(name, in: state.environment.filters, kind: "filter")
                return try filter(element, rest, state)
            }
        }
        return .list(try iterate(value).map(transform))
    }

    /// The elements that pass the test named by the first argument, or that are true.
    static func select(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        try selectOrReject(value, arguments, state, keeping: true, byAttribute: false)
    }

    /// The elements that fail the test named by the first argument, or that are false.
    static func reject(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        try selectOrReject(value, arguments, state, keeping: false, byAttribute: false)
    }

    /// The elements whose attribute (the first argument) passes the test named by the second, or is true.
    static func selectattr(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        try selectOrReject(value, arguments, state, keeping: true, byAttribute: true)
    }

    /// The elements whose attribute (the first argument) fails the test named by the second, or is false.
    static func rejectattr(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        try selectOrReject(value, arguments, state, keeping: false, byAttribute: true)
    }

    private static func selectOrReject(
        _ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState, keeping: Bool, byAttribute: Bool
    ) throws -> TemplateValue {
        guard try value.truth() else { return [] }
        var positional = arguments.positional[...]
        var subject: (TemplateValue) throws -> TemplateValue = { $0 }
        if byAttribute {
            guard let attribute = positional.popFirst() else { throw argumentError("Missing parameter for attribute name") }
            subject = AttributeGetter(attribute, state: state).value
        }
        let passes: (TemplateValue) throws -> Bool
        if let name = positional.popFirst() {
            let rest = TemplateCallArguments(Array(positional), keyword: arguments.keyword)
            passes = { element in try lookUp(name, in: state.environment.tests, kind: "test")(element, rest, state) }
        } else {
            passes = { try $0.truth() }
        }
        return .list(try iterate(value).filter { try passes(try subject($0)) == keeping })
    }

    /// The filter or test a template named at render time, or Jinja's
    /// `TemplateRuntimeError`, which for an undefined name suggests quoting it.
    private static func lookUp<Function>(_ name: TemplateValue, in functions: [String: Function], kind: String) throws -> Function {
        if let found = name.stringValue.flatMap({ functions[$0] }) { return found }
        var message = "No \(kind) named \(name.repr)."
        if case .undefined(let undefined) = name {
            message += " (\(undefined.message); did you forget to quote the callable name?)"
        }
        throw TemplateError(.runtime, message)
    }
}

/// Jinja's `make_attrgetter`: reads an attribute path such as `"user.name"`
/// or `"items.0"` from each element, item first as `[]` does.
struct AttributeGetter {
    private let parts: [TemplateValue]
    private let fallback: TemplateValue?
    private let lowercased: Bool
    private let state: TemplateRenderState

    /// `fallback` replaces a part that is undefined; `lowercased` lowers
    /// strings for case-insensitive comparison.
    init(_ attribute: TemplateValue?, default fallback: TemplateValue? = nil, lowercased: Bool = false, state: TemplateRenderState) {
        parts = Self.parts(of: attribute)
        // Jinja only substitutes a default that is not `None`.
        if case .some(TemplateValue.none) = fallback { self.fallback = nil } else { self.fallback = fallback }
        self.lowercased = lowercased
        self.state = state
    }

    func value(_ element: TemplateValue) throws -> TemplateValue {
        var current = element
        for part in parts {
            current = try state.item(of: current, part)
            if let fallback, current.isUndefined { current = fallback }
        }
        return lowercased ? Self.lowercasedIfText(current) : current
    }

    /// Jinja's `make_multi_attrgetter`: one getter for each comma-separated path.
    static func multiple(_ attribute: TemplateValue?, lowercased: Bool, state: TemplateRenderState) -> [AttributeGetter] {
        guard let text = attribute?.stringValue else {
            return [AttributeGetter(attribute, lowercased: lowercased, state: state)]
        }
        return text.split(separator: ",", omittingEmptySubsequences: false).map {
            AttributeGetter(.string(String($0)), lowercased: lowercased, state: state)
        }
    }

    /// Jinja's `ignore_case`: strings (and ``Markup``) lowered, anything else as it is.
    static func lowercasedIfText(_ value: TemplateValue) -> TemplateValue {
        value.stringValue == nil ? value : TemplateFilters.mapText(value, PythonCase.lower)
    }

    /// The path's parts: dotted names split, all-digit names as indexes.
    private static func parts(of attribute: TemplateValue?) -> [TemplateValue] {
        guard let attribute else { return [] }
        guard let text = attribute.stringValue else { return [attribute] }
        return text.split(separator: ".", omittingEmptySubsequences: false).map { part in
            if !part.isEmpty, part.unicodeScalars.allSatisfy({ PythonText.digitValue($0) != nil }), let index = PythonText.int(part) {
                return .int(index)
            }
            return .string(String(part))
        }
    }
}

/// The Python signatures of the filters above, made once rather than per call.
extension TemplateFilters {
    static let doAttrSignature = FilterSignature("do_attr", implicit: ["environment", "obj"], ["name"], required: 1)
}
