internal import AsyncWebEncoding

/// The arguments written after a converter's name in a rule, as in
/// `<int(fixed_digits=4, signed=True):year>` or `<any(about, "help"):page>`,
/// read the way Werkzeug reads them: Python literals (`True`, `False`,
/// `None`, numbers, quoted strings) and bare names, by position or by name.
///
/// A converter binds them to its parameters like a Python call would:
///
/// ```swift
/// init(arguments: ConverterArguments) throws(RulePatternError) {
///     let parameters = try arguments.bind(["minlength", "maxlength"])
///     minimum = try parameters.int("minlength") ?? 1
///     maximum = try parameters.int("maxlength")
/// }
/// ```
public struct ConverterArguments: Sendable {
    /// One argument's value.
    public enum Value: Sendable, Equatable {
        /// `None`.
        case none
        /// `True` or `False`.
        case bool(Bool)
        /// A number without a point, such as `4`.
        case int(Int)
        /// A number with a point or an exponent, such as `2.5`.
        case double(Double)
        /// A quoted string, or a bare word that is none of the above.
        case string(String)
    }

    /// The converter's name as written in the rule, for error messages.
    public let converter: String
    /// The arguments given by position, in order.
    public let positional: [Value]
    /// The arguments given by name, in order.
    public let named: [(name: String, value: Value)]

    /// Arguments given directly, as a test of a converter might.
    public init(converter: String, positional: [Value] = [], named: [(name: String, value: Value)] = []) {
        self.converter = converter
        self.positional = positional
        self.named = named
    }

    /// Matches the arguments to `parameters` in order, then by name, and
    /// throws for an extra, unknown or repeated argument.
    public func bind(_ parameters: [String]) throws(RulePatternError) -> ConverterParameters {
        guard positional.count <= parameters.count else {
            throw RulePatternError(
                "converter '\(converter)' takes at most \(parameters.count) argument(s), \(positional.count) given"
            )
        }
        var values: [String: Value] = [:]
        for (parameter, value) in zip(parameters, positional) {
            values[parameter] = value
        }
        for (name, value) in named {
            guard parameters.contains(name) else {
                let known = parameters.isEmpty ? "none" : parameters.joined(separator: ", ")
                throw RulePatternError("converter '\(converter)' has no parameter '\(name)' (parameters: \(known))")
            }
            guard values.updateValue(value, forKey: name) == nil else {
                throw RulePatternError("converter '\(converter)' got '\(name)' twice")
            }
        }
        return ConverterParameters(converter: converter, values: values)
    }
}

/// A converter's arguments matched to its parameter names, read with the
/// type each parameter needs.
///
/// ```swift
/// let signed = try parameters.bool("signed") ?? false
/// ```
public struct ConverterParameters: Sendable {
    let converter: String
    let values: [String: ConverterArguments.Value]

    /// The integer given for `name`, or nil when it was not given (or `None`).
    public func int(_ name: String) throws(RulePatternError) -> Int? {
        switch values[name] {
        case nil, .none?: return nil
        case .int(let number)?: return number
        case let other?: throw mismatch(name, expected: "an integer", got: other)
        }
    }

    /// The number given for `name`, integer or not, or nil when not given.
    public func double(_ name: String) throws(RulePatternError) -> Double? {
        switch values[name] {
        case nil, .none?: return nil
        case .int(let number)?: return Double(number)
        case .double(let number)?: return number
        case let other?: throw mismatch(name, expected: "a number", got: other)
        }
    }

    /// The `True` or `False` given for `name`, or nil when not given.
    public func bool(_ name: String) throws(RulePatternError) -> Bool? {
        switch values[name] {
        case nil, .none?: return nil
        case .bool(let flag)?: return flag
        case let other?: throw mismatch(name, expected: "True or False", got: other)
        }
    }

    /// The text given for `name`, quoted or bare, or nil when not given.
    public func string(_ name: String) throws(RulePatternError) -> String? {
        switch values[name] {
        case nil, .none?: return nil
        case .string(let text)?: return text
        case let other?: throw mismatch(name, expected: "a string", got: other)
        }
    }

    private func mismatch(_ name: String, expected: String, got value: ConverterArguments.Value) -> RulePatternError {
        RulePatternError("converter '\(converter)' needs \(expected) for '\(name)', not \(value.pythonLiteral)")
    }
}

extension ConverterArguments.Value {
    /// How the value reads in a rule, for error messages.
    var pythonLiteral: String {
        switch self {
        case .none: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .int(let number): String(number)
        case .double(let number): PythonText.repr(number)
        case .string(let text): PythonText.repr(text)
        }
    }
}
