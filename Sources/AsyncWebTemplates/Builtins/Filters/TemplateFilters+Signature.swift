/// The Python signature of one of Jinja's filter functions, which binds a
/// filter call's arguments as Python would and fails with Python's own
/// `TypeError` messages:
///
/// ```swift
/// static let truncateSignature = FilterSignature(
///     "do_truncate", implicit: ["env", "s"], ["length", "killwords", "end", "leeway"]
/// )
/// // {{ s|truncate(foo=1) }} → TypeError: do_truncate() got an unexpected keyword argument 'foo'
/// ```
struct FilterSignature: Sendable {
    /// The Python function's name, which Python's messages quote.
    let function: String
    /// The parameters Jinja fills itself: the environment or context it
    /// passes first, then the filtered value. Python counts them in its messages.
    let implicit: [String]
    /// The parameters a template passes, in order.
    let parameters: [String]
    /// How many of `parameters`, from the front, have no default.
    let required: Int

    init(_ function: String, implicit: [String], _ parameters: [String] = [], required: Int = 0) {
        self.function = function
        self.implicit = implicit
        self.parameters = parameters
        self.required = required
    }

    /// The arguments by parameter, nil for each one left to its default.
    func bind(_ arguments: TemplateCallArguments) throws -> FilterArguments {
        // Most calls pass nothing (`|lower`): every parameter keeps its default.
        if arguments.positional.isEmpty, arguments.keyword.isEmpty, required == 0 {
            return FilterArguments(values: [])
        }
        let names = implicit + parameters
        var slots: [TemplateValue?] = Array(repeating: nil, count: names.count)
        for index in 0..<implicit.count { slots[index] = TemplateValue.none }
        for (offset, value) in arguments.positional.prefix(parameters.count).enumerated() {
            slots[implicit.count + offset] = value
        }
        // Python reports keywords before counting positional arguments.
        for (name, value) in arguments.keyword {
            guard let index = names.firstIndex(of: name) else {
                throw TemplateError(.type, "\(function)() got an unexpected keyword argument '\(name)'")
            }
            guard slots[index] == nil else {
                throw TemplateError(.type, "\(function)() got multiple values for argument '\(name)'")
            }
            slots[index] = value
        }
        let given = implicit.count + arguments.positional.count
        guard given <= names.count else { throw tooManyPositional(given: given) }
        let missing = (0..<(implicit.count + required)).filter { slots[$0] == nil }.map { "'\(names[$0])'" }
        guard missing.isEmpty else {
            let list = missing.count == 1 ? missing[0]
                : missing.dropLast().joined(separator: ", ") + (missing.count == 2 ? " and " : ", and ") + missing.last!
            throw TemplateError(
                .type,
                "\(function)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)"
            )
        }
        return FilterArguments(values: Array(slots.dropFirst(implicit.count)))
    }

    /// Checks a call of a one-argument builtin such as `len`, which Python
    /// reports in the words of C functions.
    static func bindBuiltin(_ function: String, _ arguments: TemplateCallArguments) throws {
        guard arguments.keyword.isEmpty else {
            throw TemplateError(.type, "\(function)() takes no keyword arguments")
        }
        guard arguments.positional.isEmpty else {
            throw TemplateError(.type, "\(function)() takes exactly one argument (\(arguments.positional.count + 1) given)")
        }
    }

    private func tooManyPositional(given: Int) -> TemplateError {
        let total = implicit.count + parameters.count
        let lowest = implicit.count + required
        let takes = lowest == total ? "\(total) positional argument\(total == 1 ? "" : "s")"
            : "from \(lowest) to \(total) positional arguments"
        return TemplateError(.type, "\(function)() takes \(takes) but \(given) \(given == 1 ? "was" : "were") given")
    }
}

/// A filter's arguments bound to its parameters, read with Python's conversions.
struct FilterArguments {
    let values: [TemplateValue?]

    /// The argument for parameter `index`, nil when it was left to its
    /// default (also when no argument at all was passed, and `values` is empty).
    subscript(_ index: Int) -> TemplateValue? {
        index < values.count ? values[index] : nil
    }

    /// The argument, or `fallback` when it was not given.
    func value(_ index: Int, default fallback: TemplateValue) -> TemplateValue {
        self[index] ?? fallback
    }

    /// The argument for a parameter whose default is `None`: nil when
    /// omitted or passed as `none`, which Python cannot tell apart.
    func optional(_ index: Int) -> TemplateValue? {
        if case .some(TemplateValue.none) = self[index] { return nil }
        return self[index]
    }

    /// The argument's truth, as Python's `if flag:` tests it.
    func flag(_ index: Int, default fallback: Bool) throws -> Bool {
        guard let value = self[index] else { return fallback }
        return try value.truth()
    }

    /// The argument as an index (`int` or `bool`), or Python's `TypeError`.
    func integer(_ index: Int, default fallback: Int) throws -> Int {
        guard let value = self[index] else { return fallback }
        return try TemplateFilters.index(value)
    }
}
