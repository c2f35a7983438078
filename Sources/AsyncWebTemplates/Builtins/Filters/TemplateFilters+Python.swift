/// Python's view of template values that many filters share: what
/// iterating yields, what passes for an index, what `soft_str` keeps, and
/// the names Python's messages give types and Jinja's errors.
extension TemplateFilters {
    /// `list(value)`: the value's elements, except that a ``Markup`` yields
    /// plain one-character strings, as iterating a `str` subclass does in Python.
    static func iterate(_ value: TemplateValue) throws -> [TemplateValue] {
        if case .markup(let markup) = value { return markup.html.unicodeScalars.map { .string(String($0)) } }
        return try value.elements()
    }

    /// Python's `\w`: letters, anything with a numeric value, and `_`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || PythonString.isAlphanumeric(scalar)
    }

    /// `text[:length]` in code points, where a negative length counts from the end.
    static func prefix(_ text: String, _ length: Int) -> String {
        let scalars = text.unicodeScalars
        let end = length < 0 ? Swift.max(scalars.count + length, 0) : Swift.min(length, scalars.count)
        return PythonString.string(scalars.prefix(end))
    }

    /// `operator.index(value)`: an `int` or `bool`, else Python's `TypeError`.
    static func index(_ value: TemplateValue) throws -> Int {
        if let integer = value.integerValue { return integer }
        throw TemplateError(.type, "'\(typeName(value))' object cannot be interpreted as an integer")
    }

    /// Python's name for the value's type, where a strict undefined is a `StrictUndefined`.
    static func typeName(_ value: TemplateValue) -> String {
        if case .undefined(let undefined) = value, undefined.isStrict { return "StrictUndefined" }
        return value.typeName
    }

    /// MarkupSafe's `soft_str`: strings and ``Markup`` as they are, anything
    /// else as its `str()`.
    static func softString(_ value: TemplateValue) throws -> TemplateValue {
        switch value {
        case .string, .markup: value
        default: .string(try value.text())
        }
    }

    /// The text of a string or ``Markup`` changed by `transform`, still
    /// ``Markup`` if it was, as MarkupSafe's wrappers of `str` methods keep it.
    static func mapText(_ value: TemplateValue, _ transform: (String) throws -> String) rethrows -> TemplateValue {
        switch value {
        case .markup(let markup): .markup(Markup(try transform(markup.html)))
        default: .string(try transform(value.stringValue ?? ""))
        }
    }

    /// Python's `separator.join(items)`: `Markup.join` escapes the items that
    /// are not ``Markup`` and gives ``Markup``; `str.join` gives a plain string.
    static func join(_ separator: TemplateValue, _ items: [TemplateValue]) throws -> TemplateValue {
        guard case .markup(let markup) = separator else {
            return .string(try items.map { try $0.text() }.joined(separator: separator.text()))
        }
        return .markup(Markup(try items.map { item in
            if case .markup(let html) = item { return html.html }
            return escape(try item.text()).html
        }.joined(separator: markup.html)))
    }

    /// The text of a value a filter uses as a Python `str`, or the
    /// `TypeError` Python raises when the value is something else.
    static func requireText(_ value: TemplateValue, _ message: @autoclosure () -> String) throws -> String {
        if case .undefined(let undefined) = value { throw undefined.error }
        guard let text = value.stringValue else { throw TemplateError(.type, message()) }
        return text
    }

    /// An undefined value that explains itself when used, such as `first` of an empty list.
    static func undefined(_ hint: String, _ state: TemplateRenderState) -> TemplateValue {
        state.undefined(.hint(hint))
    }

    /// Jinja's `FilterArgumentError`, a `TemplateRuntimeError`.
    static func argumentError(_ message: String) -> TemplateError {
        TemplateError(.filterArgument, message)
    }

    /// The `AssertionError` of Jinja's `assert` checks on arguments.
    static func assertionFailure(_ message: String) -> TemplateError {
        TemplateError(.failedAssertion, message)
    }
}
