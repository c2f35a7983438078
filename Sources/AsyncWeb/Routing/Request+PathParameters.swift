internal import FoundationEssentials

extension Request {
    /// The values the matched rule's placeholders took (Flask's `request.view_args`),
    /// typed by their converters; empty when no rule matched.
    ///
    /// ```swift
    /// app.get("/post/<int:post_id>") { request in
    ///     "Post \(try request.pathParameters.require("post_id", as: Int.self))"
    /// }
    /// app.get("/user/<username>") { request in "User \(escape(request.pathParameters["username"]))" }
    /// ```
    public var pathParameters: PathParameters {
        PathParameters(match: RequestContext.current?.state(of: self)?.routeMatch)
    }
}

/// The path parameters of a request: its matched rule's placeholders and the values
/// their converters made of the path (Werkzeug's view arguments).
public struct PathParameters: Sendable, Sequence {
    /// One parameter: the placeholder's name and its typed value.
    public typealias Element = RouteArguments.Element

    private let match: RouteMatch?

    init(match: RouteMatch?) {
        self.match = match
    }

    private var arguments: RouteArguments { match?.arguments ?? RouteArguments([]) }

    /// The parameter names, in the rule's order.
    public var names: [String] { arguments.names }

    /// The text of a `string`, `path` or `any` parameter; nil for a name the rule does not
    /// have or a value of another type (``require(_:as:)`` reads those).
    public subscript(name: String) -> String? {
        arguments[name]
    }

    /// The parameter `name` as `type`: `String`, `Int`, `Double`, `UUID` or a custom
    /// converter's type.
    ///
    /// A text parameter asked for as `Int`, `Double` or `UUID` is read as Werkzeug's
    /// `int`, `float` or `uuid` converter reads it (`/user/<id>` with `as: Int.self`).
    ///
    /// - Throws: ``HTTPError`` 404 when the value is not of that type, as Werkzeug's
    ///   converter would not have matched the URL; ``PathParameterError`` (a 500, logged)
    ///   when the rule has no parameter `name`, as Flask's view would fail with a `TypeError`.
    public func require<Value>(_ name: String, as type: Value.Type = String.self) throws -> Value {
        guard let value = arguments.value(name) else {
            throw PathParameterError(name: name, rule: match?.rule.pattern, parameters: names)
        }
        if let typed = value.cast(to: type) { return typed }
        switch value {
        case .string(let text), .path(let text):
            if let converted = Self.convert(Substring(text), to: type) { return converted }
        default: break
        }
        throw HTTPError(.notFound)
    }

    /// Reads text with the converter Werkzeug would use for `type`; nil when it has none
    /// or the converter does not match the text.
    private static func convert<Value>(_ text: Substring, to type: Value.Type) -> Value? {
        let converter: any RouteConverter
        switch type {
        case is Int.Type: converter = integerConverter
        case is Double.Type: converter = floatConverter
        case is UUID.Type: converter = uuidConverter
        default: return nil
        }
        guard converter.accepts(text) else { return nil }
        return converter.value(from: text)?.cast(to: type)
    }

    // Werkzeug's converters with their default arguments, which always build.
    private static let integerConverter = try! IntegerConverter(arguments: ConverterArguments(converter: "int"))
    private static let floatConverter = try! FloatConverter(arguments: ConverterArguments(converter: "float"))
    private static let uuidConverter = try! UUIDConverter(arguments: ConverterArguments(converter: "uuid"))

    public func makeIterator() -> IndexingIterator<[Element]> {
        Array(arguments).makeIterator()
    }
}

/// A handler asked for a path parameter its rule does not have: a mistake in the code,
/// not in the URL, so the request fails with 500 and the error is logged.
public struct PathParameterError: Error, CustomStringConvertible {
    /// The name asked for.
    public let name: String
    /// The matched rule's pattern; nil when no rule matched.
    public let rule: String?
    /// The names the rule does have.
    public let parameters: [String]

    public var description: String {
        guard let rule else {
            return "No rule matched this request, so it has no path parameter '\(name)'."
        }
        let known = parameters.isEmpty ? "it has none" : "its parameters are " + parameters.map { "'\($0)'" }.joined(separator: ", ")
        return "The rule '\(rule)' has no path parameter '\(name)': \(known). Name a placeholder of the rule, as in '<int:\(name)>'."
    }
}
