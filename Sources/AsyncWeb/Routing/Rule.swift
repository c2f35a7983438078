/// One URL pattern with the endpoint it leads to and the methods it
/// answers: Werkzeug's `Rule`, as Flask registers it. Made by
/// ``URLMap/add(_:endpoint:methods:strictSlashes:automaticOptions:)``.
///
/// ```swift
/// let rule = try map.add("/post/<int:post_id>", endpoint: "show_post", methods: [.get, .post])
/// rule.methods       // GET, HEAD, OPTIONS, POST
/// rule.argumentNames // ["post_id"]
/// ```
public final class Rule: Sendable, CustomStringConvertible {
    /// The pattern as registered, e.g. `/post/<int:post_id>`.
    public let pattern: String
    /// The name the rule is known by when matching and building.
    public let endpoint: String
    /// The methods the rule answers: those registered, plus HEAD wherever
    /// GET is, plus OPTIONS when the rule ``providesAutomaticOptions``.
    public let methods: Set<HTTPMethod>
    /// Whether the rule, ending in `/`, answers a request without that slash
    /// with a redirect to it (true) or simply matches it (false).
    public let strictSlashes: Bool
    /// Whether the application should answer OPTIONS itself, with the
    /// allowed methods, because the rule's own methods don't include it:
    /// Flask's `provide_automatic_options`.
    public let providesAutomaticOptions: Bool
    /// The placeholders' names in the order they appear.
    public let argumentNames: [String]

    /// `methods` as an array: a few string comparisons beat hashing.
    private let methodList: [HTTPMethod]
    /// The converter of each argument, in the order of `argumentNames`.
    let converters: [any RouteConverter]
    let parts: [RulePart]
    let template: URLTemplate

    init(
        pattern: String, endpoint: String, methods: Set<HTTPMethod>, strictSlashes: Bool,
        automaticOptions: Bool, converterTypes: [String: any RouteConverter.Type]
    ) throws(RulePatternError) {
        let parsed = try RulePattern(pattern)
        var argumentNames: [String] = []
        var converters: [String: any RouteConverter] = [:]
        for case .placeholder(let name, let converterName, let argumentText) in parsed.tokens {
            guard converters[name] == nil else {
                throw RulePatternError(pattern: pattern, reason: "the placeholder name '\(name)' is used twice")
            }
            guard let converterType = converterTypes[converterName] else {
                let known = converterTypes.keys.sorted().joined(separator: ", ")
                throw RulePatternError(
                    pattern: pattern, reason: "no converter named '\(converterName)' (registered: \(known))")
            }
            do throws(RulePatternError) {
                let arguments = try ConverterArguments(converter: converterName, parsing: argumentText?[...] ?? "")
                converters[name] = try converterType.init(arguments: arguments)
            } catch {
                throw RulePatternError(pattern: pattern, reason: error.reason)
            }
            argumentNames.append(name)
        }

        var methods = methods
        if methods.contains(.get) { methods.insert(.head) }
        providesAutomaticOptions = automaticOptions && !methods.contains(.options)
        if providesAutomaticOptions { methods.insert(.options) }

        self.pattern = pattern
        self.endpoint = endpoint
        self.methods = methods
        self.methodList = Array(methods)
        self.strictSlashes = strictSlashes
        self.argumentNames = argumentNames
        self.converters = argumentNames.map { converters[$0]! }
        self.parts = RulePart.parts(of: parsed.tokens, converters: converters)
        self.template = URLTemplate(tokens: parsed.tokens, argumentNames: argumentNames)
    }

    /// Whether the rule answers `method`.
    func answers(_ method: HTTPMethod) -> Bool {
        methodList.contains(method)
    }

    /// Like Werkzeug's: `<Rule '/post/<int:post_id>' (GET, HEAD, OPTIONS) -> show_post>`.
    public var description: String {
        let methodList = methods.map(\.rawValue).sorted().joined(separator: ", ")
        return "<Rule '\(pattern)' (\(methodList)) -> \(endpoint)>"
    }
}
