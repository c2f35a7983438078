internal import AsyncWebEncoding

/// The application's URL rules: matches a request's path to a rule and its
/// arguments, and builds URLs back from an endpoint's name. Werkzeug's `Map`
/// with its `MapAdapter`, behaving as it does under Flask.
///
/// ```swift
/// var map = URLMap()
/// try map.add("/", endpoint: "index")
/// try map.add("/user/<username>", endpoint: "profile")
/// try map.add("/post/<int:post_id>", endpoint: "show_post", methods: [.get, .post])
/// try map.add("/projects/", endpoint: "projects")
///
/// let match = try map.match(path: "/post/42", method: .get)
/// match.endpoint                  // "show_post"
/// match.arguments.int("post_id")  // 42
///
/// try map.match(path: "/projects", method: .get)  // throws .redirect(to: "/projects/")
/// try map.build(endpoint: "profile", arguments: ["username": "ada", "tab": "posts"])
/// // "/user/ada?tab=posts"
/// ```
///
/// Rules that overlap are tried in Werkzeug's order whatever the order they
/// were added in: literal segments before placeholders, then segments with
/// more and longer literal text, then lighter converters (`int` before
/// `string` before `path`). Matching walks a trie, one level per segment.
public struct URLMap: Sendable {
    /// Every rule, in the order added.
    public private(set) var rules: [Rule] = []
    private var converterTypes: [String: any RouteConverter.Type]
    private var matcher = RouteMatcher()
    /// Each endpoint's rules in the order building tries them: more
    /// arguments first, then as added (Werkzeug's `build_compare_key`).
    private(set) var rulesByEndpoint: [String: [Rule]] = [:]

    /// A map with no rules and the built-in converters `string` (also
    /// `default`), `path`, `int`, `float`, `uuid` and `any`.
    public init() {
        converterTypes = [
            "default": StringConverter.self,
            "string": StringConverter.self,
            "path": PathConverter.self,
            "int": IntegerConverter.self,
            "float": FloatConverter.self,
            "uuid": UUIDConverter.self,
            "any": AnyConverter.self,
        ]
    }

    /// Makes a converter available to rules added from now on under `name`,
    /// replacing any converter of that name.
    ///
    /// ```swift
    /// map.register(HexConverter.self, as: "hex")
    /// try map.add("/color/<hex:rgb>", endpoint: "color")
    /// ```
    public mutating func register<Converter: RouteConverter>(_ converter: Converter.Type, as name: String) {
        converterTypes[name] = converter
    }

    /// Adds a rule, checking its pattern now so that a mistake fails at
    /// startup with a message rather than as a 404 later.
    ///
    /// - Parameters:
    ///   - pattern: The path, with placeholders `<name>`, `<converter:name>`
    ///     or `<converter(arguments):name>`; it must start with `/`.
    ///   - endpoint: The name to match to and to build from; several rules
    ///     may share one.
    ///   - methods: The methods the rule answers. HEAD is added wherever GET
    ///     is, and OPTIONS unless `automaticOptions` is false.
    ///   - strictSlashes: For a pattern ending in `/`: redirect requests
    ///     without the slash to it (true), or match them as they are.
    ///   - automaticOptions: Whether OPTIONS requests are answered for the
    ///     rule with the allowed methods, as Flask does, when `methods`
    ///     doesn't include OPTIONS itself.
    /// - Returns: The rule, with its final methods.
    @discardableResult
    public mutating func add(
        _ pattern: String, endpoint: String, methods: Set<HTTPMethod> = [.get], strictSlashes: Bool = true,
        automaticOptions: Bool = true
    ) throws(RulePatternError) -> Rule {
        let rule = try Rule(
            pattern: pattern, endpoint: endpoint, methods: methods, strictSlashes: strictSlashes,
            automaticOptions: automaticOptions, converterTypes: converterTypes)
        rules.append(rule)
        matcher.insert(rule)
        var endpointRules = rulesByEndpoint[endpoint, default: []]
        let position =
            endpointRules.firstIndex { $0.argumentNames.count < rule.argumentNames.count } ?? endpointRules.endIndex
        endpointRules.insert(rule, at: position)
        rulesByEndpoint[endpoint] = endpointRules
        return rule
    }

    /// The rule a request goes to, with its typed arguments.
    ///
    /// - Parameters:
    ///   - path: The request's path, already percent-decoded.
    ///   - method: The request's method.
    ///   - query: The request's raw query string, without `?`, which a
    ///     redirect keeps.
    /// - Throws: ``RoutingError/notFound``; ``RoutingError/methodNotAllowed(allowed:)``
    ///   when rules match the path but not the method; ``RoutingError/redirect(to:)``
    ///   when the path lacks the trailing slash of its strict-slashes rule,
    ///   or has repeated slashes.
    public func match(path: String, method: HTTPMethod, query: String = "") throws(RoutingError) -> RouteMatch {
        let requestPath = Self.normalizedPath(path)
        var search = RouteSearch(method: method)
        let found: Rule?
        do {
            found = try matcher.find(in: requestPath, search: &search)
        } catch {
            throw RoutingError.redirect(to: Self.location(requestPath + "/", query: query))
        }
        if let found {
            return try Self.routeMatch(found, captures: search.captures, allowedMethods: search.allowedMethods)
        }
        // Werkzeug retries with repeated slashes merged, and redirects to
        // the merged path if that matches.
        if Self.hasRepeatedSlash(requestPath) {
            let merged = Self.mergingSlashes(requestPath)
            search.captures.removeAll()
            let mergedPathMatches: Bool
            do {
                mergedPathMatches = try matcher.find(in: merged[...], search: &search) != nil
            } catch {
                throw RoutingError.redirect(to: Self.location(merged + "/", query: query))
            }
            if mergedPathMatches {
                throw RoutingError.redirect(to: Self.location(merged, query: query))
            }
        }
        throw Self.noMatch(allowedMethods: search.allowedMethods)
    }

    /// The methods some rule answers at `path`, sorted by name: what an
    /// OPTIONS response puts in `Allow`. Empty when no rule matches the path.
    ///
    /// ```swift
    /// if match.rule.providesAutomaticOptions && method == .options {
    ///     // 200 with `Allow: map.allowedMethods(path: path)…`
    /// }
    /// ```
    public func allowedMethods(path: String) -> [HTTPMethod] {
        // No rule answers the empty method, so every matching rule reports
        // its methods, as with Werkzeug's `match(method="--")`.
        do {
            _ = try match(path: path, method: HTTPMethod(rawValue: ""))
        } catch RoutingError.methodNotAllowed(let allowed) {
            return allowed
        } catch {
            return []
        }
        return []
    }

    /// The typed arguments of a found rule; a converter refusing its text
    /// ends the match, as Werkzeug's `ValidationError` does.
    private static func routeMatch(
        _ rule: Rule, captures: [Substring], allowedMethods: Set<HTTPMethod>
    ) throws(RoutingError) -> RouteMatch {
        var arguments: [RouteArguments.Element] = []
        if !captures.isEmpty { arguments.reserveCapacity(captures.count) }
        for (index, text) in captures.enumerated() {
            guard let value = rule.converters[index].value(from: text) else {
                throw noMatch(allowedMethods: allowedMethods)
            }
            arguments.append((rule.argumentNames[index], value))
        }
        return RouteMatch(rule: rule, arguments: RouteArguments(arguments))
    }

    private static func noMatch(allowedMethods: Set<HTTPMethod>) -> RoutingError {
        guard !allowedMethods.isEmpty else { return .notFound }
        // Werkzeug lists a set, in no fixed order; sorting makes `Allow` stable.
        return .methodNotAllowed(allowed: allowedMethods.sorted { $0.rawValue < $1.rawValue })
    }

    /// The path Werkzeug matches: leading slashes reduced to one, and one
    /// added when missing; an empty path stays empty.
    private static func normalizedPath(_ path: String) -> Substring {
        guard !path.isEmpty else { return path[...] }
        let utf8 = path.utf8
        guard utf8.first == UInt8(ascii: "/") else { return ("/" + path)[...] }
        var start = utf8.startIndex
        while utf8.index(after: start) < utf8.endIndex, utf8[utf8.index(after: start)] == UInt8(ascii: "/") {
            start = utf8.index(after: start)
        }
        return path[start...]
    }

    private static func hasRepeatedSlash(_ path: Substring) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") && previous == byte { return true }
            previous = byte
        }
        return false
    }

    private static func mergingSlashes(_ path: Substring) -> String {
        var merged = String.UnicodeScalarView()
        for scalar in path.unicodeScalars where !(scalar == "/" && merged.last == "/") {
            merged.append(scalar)
        }
        return String(merged)
    }

    /// A redirect target: the path percent-encoded as Werkzeug does, and
    /// the query string as the request sent it.
    private static func location(_ path: some StringProtocol, query: String) -> String {
        let encoded = PercentEncoding.quote(path, safe: .path)
        return query.isEmpty ? encoded : encoded + "?" + query
    }
}
