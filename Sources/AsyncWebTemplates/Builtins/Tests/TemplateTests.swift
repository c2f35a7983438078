/// Jinja's builtin tests, `{% if value is name(arguments) %}`, with Jinja's
/// Python semantics: `1 is integer` but `true is not integer`, `'a' is
/// sequence`, `missing is defined` false even with `StrictUndefined`.
///
/// Undefined values behave as Jinja's do: tests that only look at the type
/// never fail, tests that use the value (`odd`, `lower`, `eq`) fail as
/// using an undefined value does.
enum TemplateTests {
    static let builtins: [String: TemplateTestFunction] = {
        var tests: [String: TemplateTestFunction] = [
            "odd": { value, arguments, _ in
                try bind(arguments, "test_odd")
                return try TemplateValue.modulo(value, 2) == 1
            },
            "even": { value, arguments, _ in
                try bind(arguments, "test_even")
                return try TemplateValue.modulo(value, 2) == 0
            },
            "divisibleby": { value, arguments, _ in
                let number = try bind(arguments, "test_divisibleby", "num")
                return try TemplateValue.modulo(value, number) == 0
            },
            "defined": { value, arguments, _ in
                try bind(arguments, "test_defined")
                return !value.isUndefined
            },
            "undefined": { value, arguments, _ in
                try bind(arguments, "test_undefined")
                return value.isUndefined
            },
            "filter": { value, arguments, state in
                try bind(arguments, "test_filter")
                return try name(value).map { state.environment.filters[$0] != nil } ?? false
            },
            "test": { value, arguments, state in
                try bind(arguments, "test_test")
                return try name(value).map { state.environment.tests[$0] != nil } ?? false
            },
            "none": typeTest("test_none") { if case .none = $0 { true } else { false } },
            "boolean": typeTest("test_boolean") { if case .bool = $0 { true } else { false } },
            "false": typeTest("test_false") { if case .bool(false) = $0 { true } else { false } },
            "true": typeTest("test_true") { if case .bool(true) = $0 { true } else { false } },
            "integer": typeTest("test_integer") { $0.isInteger },
            "float": typeTest("test_float") { if case .double = $0 { true } else { false } },
            "number": typeTest("test_number") { $0.numericValue != nil },
            "string": typeTest("test_string") { $0.stringValue != nil },
            "mapping": typeTest("test_mapping") { if case .dictionary = $0 { true } else { false } },
            "escaped": typeTest("test_escaped") { if case .markup = $0 { true } else { false } },
            "lower": { value, arguments, _ in
                try bind(arguments, "test_lower")
                return PythonCase.isLower(try value.text())
            },
            "upper": { value, arguments, _ in
                try bind(arguments, "test_upper")
                return PythonCase.isUpper(try value.text())
            },
            "sequence": { value, arguments, _ in
                try bind(arguments, "test_sequence")
                return isSequence(value)
            },
            "iterable": { value, arguments, _ in
                try bind(arguments, "test_iterable")
                return try isIterable(value)
            },
            "callable": { value, arguments, _ in
                try bind(arguments, "callable")
                // Jinja's Undefined defines __call__ (to raise), so Python calls it callable.
                switch value {
                case .callable, .undefined: return true
                case .object(let object): return object is any TemplateCallableObject
                default: return false
                }
            },
            "sameas": { value, arguments, _ in
                isSameObject(value, try bind(arguments, "test_sameas", "other"))
            },
            "in": { value, arguments, _ in
                let container = try bind(arguments, "test_in", "seq")
                if case .undefined(let undefined) = value, undefined.isStrict { throw undefined.error }
                return try container.contains(value)
            },
        ]
        let comparisons: [(names: [String], test: @Sendable (TemplateValue, TemplateValue) throws -> Bool)] = [
            (["==", "eq", "equalto"], { try TemplateValue.isEqual($0, $1) }),
            (["!=", "ne"], { try !TemplateValue.isEqual($0, $1) }),
            (["<", "lt", "lessthan"], { try TemplateValue.isLess($0, $1, operator: "<") }),
            (["<=", "le"], { try TemplateValue.isLess($0, $1, operator: "<=") || $0 == $1 }),
            ([">", "gt", "greaterthan"], { try isGreater($0, $1, operator: ">") }),
            ([">=", "ge"], { try isGreater($0, $1, operator: ">=") || $0 == $1 }),
        ]
        for comparison in comparisons {
            let test = comparison.test
            for name in comparison.names {
                tests[name] = { value, arguments, _ in try test(value, try bind(arguments, name, "b")) }
            }
        }
        return tests
    }()

    /// A test of the value's type alone, which never fails, not even for an undefined value.
    private static func typeTest(_ function: String, _ test: @escaping @Sendable (TemplateValue) -> Bool) -> TemplateTestFunction {
        { value, arguments, _ in
            try bind(arguments, function)
            return test(value)
        }
    }

    /// Checks a test takes no arguments beyond the value.
    private static func bind(_ arguments: TemplateCallArguments, _ function: String) throws {
        _ = try arguments.bind(function, [])
    }

    /// The one required argument of a test such as `divisibleby(3)`.
    private static func bind(_ arguments: TemplateCallArguments, _ function: String, _ parameter: String) throws -> TemplateValue {
        guard let value = try arguments.bind(function, [parameter])[0] else {
            throw TemplateError(.type, "\(function)() missing 1 required positional argument: '\(parameter)'")
        }
        return value
    }

    /// The name `filter` and `test` look up; only a string can name one.
    private static func name(_ value: TemplateValue) throws -> String? {
        if case .undefined(let undefined) = value, undefined.isStrict { throw undefined.error }
        return value.stringValue
    }

    /// Python's `a > b`, which is `b < a` with the operands named in their written order.
    private static func isGreater(_ lhs: TemplateValue, _ rhs: TemplateValue, operator symbol: String) throws -> Bool {
        do {
            return try TemplateValue.isLess(rhs, lhs, operator: symbol)
        } catch let error as TemplateError where error.kind == .type {
            // Comparing the other way round raises the same error with the types in Python's order.
            _ = try TemplateValue.isLess(lhs, rhs, operator: symbol)
            throw error
        }
    }

    /// Jinja's `sequence` test: the value has a length and items (`len()` and `__getitem__`).
    private static func isSequence(_ value: TemplateValue) -> Bool {
        switch value {
        case .string, .markup, .list, .tuple, .dictionary: return true
        case .undefined(let undefined): return !undefined.isStrict
        // A range longer than the size limit has no elements to list, but is a sequence.
        case .object(let object): return object is TemplateRange || object.elements != nil && !(object is TemplateDictionaryView)
        default: return false
        }
    }

    /// Jinja's `iterable` test: `iter(value)` works. A strict undefined value fails instead.
    private static func isIterable(_ value: TemplateValue) throws -> Bool {
        switch value {
        case .string, .markup, .list, .tuple, .dictionary: return true
        case .undefined(let undefined):
            if undefined.isStrict { throw undefined.error }
            return true
        case .object(let object): return object is TemplateRange || object.elements != nil
        default: return false
        }
    }

    /// Python's `is`: singletons and equal scalars (which Python shares between
    /// uses of one constant) are the same object, containers never are
    /// (each is a copy here), objects and callables by identity.
    private static func isSameObject(_ lhs: TemplateValue, _ rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.markup(let a), .markup(let b)): return a == b
        case (.callable(let a), .callable(let b)): return a === b
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}
