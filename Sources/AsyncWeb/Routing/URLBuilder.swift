internal import AsyncWebEncoding

extension URLMap {
    /// The URL of an endpoint, as Flask's `url_for`: the endpoint's first
    /// rule that takes every one of its placeholders from `arguments` (rules
    /// with more placeholders are tried first), filled in by its converters
    /// and percent-encoded; arguments the rule doesn't name become the query
    /// string, in the order given.
    ///
    /// ```swift
    /// try map.build(endpoint: "show_post", arguments: ["post_id": "42"])       // "/post/42"
    /// try map.build(endpoint: "search", arguments: ["q": "swift web", "page": "2"])
    /// // "/search?q=swift+web&page=2"
    /// try map.build(endpoint: "index", external: true, scheme: "https", host: "example.com")
    /// // "https://example.com/"
    /// ```
    ///
    /// - Parameters:
    ///   - endpoint: The endpoint's name.
    ///   - arguments: Values for the placeholders, and for the query string.
    ///     A name given twice is used once for a placeholder (the first
    ///     value) and repeated in the query string.
    ///   - method: Only consider rules that answer this method. When nil,
    ///     rules answering GET are preferred, then any.
    ///   - external: Whether to return an absolute URL with scheme and host.
    ///   - scheme: The scheme of an external URL: `https` (or `wss`) gives
    ///     `https`, anything else `http`, and an empty one a
    ///     protocol-relative `//host/…`.
    ///   - host: The host (and port) of an external URL.
    ///   - scriptRoot: The path the application is mounted at, e.g. `/app`.
    /// - Throws: ``URLBuildError``, naming the missing arguments, the
    ///   methods to use or the endpoint probably meant.
    public func build(
        endpoint: String, arguments: KeyValuePairs<String, String> = [:], method: HTTPMethod? = nil,
        external: Bool = false, scheme: String = "http", host: String = "localhost", scriptRoot: String = ""
    ) throws(URLBuildError) -> String {
        try build(
            endpoint: endpoint, arguments: arguments.map { (name: $0.key, value: $0.value) }, method: method,
            external: external, scheme: scheme, host: host, scriptRoot: scriptRoot)
    }

    /// The URL of an endpoint, from arguments gathered at run time; the
    /// same as the variant taking a dictionary literal. A `Dictionary` has
    /// no order, so sort it for a stable query string:
    ///
    /// ```swift
    /// let arguments = filters.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    /// try map.build(endpoint: "search", arguments: arguments)
    /// ```
    public func build(
        endpoint: String, arguments: [(name: String, value: String)], method: HTTPMethod? = nil,
        external: Bool = false, scheme: String = "http", host: String = "localhost", scriptRoot: String = ""
    ) throws(URLBuildError) -> String {
        let values = BuildValues(pairs: arguments)
        let candidates = rulesByEndpoint[endpoint] ?? []
        // Without a method, Werkzeug first tries its default method, GET.
        let chosen =
            method == nil
            ? values.firstSuitable(of: candidates, method: .get) ?? values.firstSuitable(of: candidates, method: nil)
            : values.firstSuitable(of: candidates, method: method)
        guard let rule = chosen else {
            throw URLBuildError.unbuildable(
                endpoint: endpoint, argumentNames: values.names, method: method, rules: rulesInWerkzeugOrder)
        }

        var path = ""
        for piece in rule.template.pieces {
            switch piece {
            case .text(let text):
                path += text
            case .argument(let index):
                let name = rule.argumentNames[index]
                do throws(InvalidRouteValue) {
                    path += try rule.converters[index].urlText(for: values.first(name)!)
                } catch {
                    throw URLBuildError.invalidValue(endpoint: endpoint, argument: name, message: error.message)
                }
            }
        }
        let queryItems = values.queryItems(excluding: rule.argumentNames)
        if !queryItems.isEmpty {
            path += "?"
            path += PercentEncoding.urlEncode(queryItems)
        }
        return Self.url(path: path, external: external, scheme: scheme, host: host, scriptRoot: scriptRoot)
    }

    /// The rules as Werkzeug lists them for suggestions: endpoints in the
    /// order first added, each endpoint's rules in building order.
    private var rulesInWerkzeugOrder: [Rule] {
        var seen: Set<String> = []
        return rules.compactMap { seen.insert($0.endpoint).inserted ? $0.endpoint : nil }
            .flatMap { rulesByEndpoint[$0]! }
    }

    /// Werkzeug's `MapAdapter.build` joining of script root and path.
    private static func url(path: String, external: Bool, scheme: String, host: String, scriptRoot: String) -> String {
        let slash = UInt8(ascii: "/")
        let relativePath = path[(path.utf8.firstIndex { $0 != slash } ?? path.endIndex)...]
        let scriptName = scriptRoot.utf8.last == slash ? scriptRoot : scriptRoot + "/"
        var url = ""
        if external {
            if !scheme.isEmpty {
                url += scheme == "https" || scheme == "wss" ? "https:" : "http:"
            }
            url += "//"
            url += host.lowercased()
            url += scriptName.dropLast()
        } else {
            let rootEnd = scriptName.utf8.lastIndex { $0 != slash }.map { scriptName.utf8.index(after: $0) }
            url += scriptName[..<(rootEnd ?? scriptName.startIndex)]
        }
        url += "/"
        url += relativePath
        return url
    }
}

/// The arguments of a build, looked up the way Werkzeug reads the Python
/// dict of lists they stand for: a name's first value fills a placeholder,
/// and query items come grouped by name in the order names first appear.
/// Builds take a handful of arguments, so plain scans beat hashing.
private struct BuildValues {
    let pairs: [(name: String, value: String)]

    /// Each name once, in the order given.
    var names: [String] {
        var names: [String] = []
        for pair in pairs where !names.contains(pair.name) {
            names.append(pair.name)
        }
        return names
    }

    func first(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    func queryItems(excluding ruleArguments: [String]) -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        var listed: [String] = []
        for pair in pairs where !ruleArguments.contains(pair.name) && !listed.contains(pair.name) {
            listed.append(pair.name)
            items.append(contentsOf: pairs.lazy.filter { $0.name == pair.name })
        }
        return items
    }

    /// Werkzeug's `suitable_for`: the rule answers `method` (when given) and
    /// every one of its placeholders has a value.
    func firstSuitable(of rules: [Rule], method: HTTPMethod?) -> Rule? {
        rules.first { rule in
            (method.map(rule.answers) ?? true) && rule.argumentNames.allSatisfy { first($0) != nil }
        }
    }
}
