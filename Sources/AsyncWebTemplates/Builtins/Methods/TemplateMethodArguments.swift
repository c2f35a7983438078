/// A method call's arguments bound to the method's parameters and read
/// with Python's type checks and messages, e.g. `'a'.center('x')` fails
/// with `'str' object cannot be interpreted as an integer`.
struct TemplateMethodArguments {
    /// How CPython words a wrong number of arguments, which depends on how
    /// each builtin method happens to be declared.
    enum CountMessage {
        /// `find() takes at least 1 argument (0 given)`.
        case classic
        /// `center expected at least 1 argument, got 0` (Argument Clinic).
        case clinic
        /// `str.zfill() takes exactly one argument (0 given)`.
        case exactlyOne
    }

    let method: String
    private let values: [TemplateValue?]

    /// Binds `arguments` to `parameters`, of which the first `required` must
    /// be given; only methods declared with `keywords` accept them by name.
    init(
        _ owner: String, _ method: String, _ arguments: TemplateCallArguments, _ parameters: [String] = [],
        required: Int = 0, keywords: Bool = false, counted: CountMessage = .classic
    ) throws {
        self.method = method
        let given = arguments.positional.count
        guard keywords || arguments.keyword.isEmpty else {
            throw TemplateError(.type, "\(owner).\(method)() takes no keyword arguments")
        }
        if parameters.isEmpty, given > 0 {
            throw TemplateError(.type, "\(owner).\(method)() takes no arguments (\(given) given)")
        }
        var values: [TemplateValue?] = arguments.positional + Array(repeating: nil, count: max(parameters.count - given, 0))
        for (name, value) in arguments.keyword {
            guard let index = parameters.firstIndex(of: name) else {
                throw TemplateError(.type, "'\(name)' is an invalid keyword argument for \(method)()")
            }
            guard index >= given else {
                throw TemplateError(.type, "argument for \(method)() given by name ('\(name)') and position (\(index + 1))")
            }
            values[index] = value
        }
        let supplied = values.prefix(required).allSatisfy { $0 != nil }
        if given > parameters.count || !supplied {
            throw Self.countError(owner, method, given: given + arguments.keyword.count, required: required,
                                  maximum: parameters.count, counted)
        }
        self.values = values
    }

    /// The argument at `index`, nil when it was not given.
    subscript(_ index: Int) -> TemplateValue? {
        values[index]
    }

    /// A `str` argument (a ``Markup`` counts), nil when not given; `message`
    /// is Python's complaint about another type, which varies by method.
    func string(_ index: Int, orFail message: (String) -> String) throws -> String? {
        guard let value = values[index] else { return nil }
        guard let text = value.stringValue else { throw TemplateError(.type, message(value.typeName)) }
        return text
    }

    /// A `str` argument as code points, with the message most methods give.
    func scalars(_ index: Int) throws -> [Unicode.Scalar]? {
        try string(index) { "must be str, not \($0)" }.map { Array($0.unicodeScalars) }
    }

    /// An integer argument (a `bool` counts, as in Python), nil when not given.
    func int(_ index: Int) throws -> Int? {
        guard let value = values[index] else { return nil }
        guard let number = value.integerValue else {
            throw TemplateError(.type, "'\(value.typeName)' object cannot be interpreted as an integer")
        }
        return number
    }

    /// A slice bound such as `find`'s `start`: an integer, or None for no bound.
    func bound(_ index: Int) throws -> Int? {
        guard let value = values[index] else { return nil }
        if case .none = value { return nil }
        guard let number = value.integerValue else {
            throw TemplateError(.type, "slice indices must be integers or None or have an __index__ method")
        }
        return number
    }

    /// A fill character argument, which must be exactly one code point
    /// (after escaping, for a ``Markup`` receiver).
    func fill(_ index: Int, escapes: Bool) throws -> Unicode.Scalar {
        guard var text = try string(index, orFail: { "The fill character must be a unicode character, not \($0)" }) else {
            return " "
        }
        if escapes { text = escape(text).html }
        guard text.unicodeScalars.count == 1 else {
            throw TemplateError(.type, "The fill character must be exactly one character long")
        }
        return text.unicodeScalars.first!
    }

    private static func countError(
        _ owner: String, _ method: String, given: Int, required: Int, maximum: Int, _ counted: CountMessage
    ) -> TemplateError {
        func arguments(_ count: Int) -> String { count == 1 ? "1 argument" : "\(count) arguments" }
        let tooMany = given > maximum
        switch counted {
        case .exactlyOne:
            return TemplateError(.type, "\(owner).\(method)() takes exactly one argument (\(given) given)")
        case .clinic:
            let bound = required == maximum ? "" : tooMany ? "at most " : "at least "
            return TemplateError(.type, "\(method) expected \(bound)\(arguments(tooMany ? maximum : required)), got \(given)")
        case .classic:
            let bound = required == maximum ? "exactly" : tooMany ? "at most" : "at least"
            return TemplateError(.type, "\(method)() takes \(bound) \(arguments(tooMany ? maximum : required)) (\(given) given)")
        }
    }
}
