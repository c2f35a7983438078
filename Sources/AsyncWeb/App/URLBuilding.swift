/// The URL of an endpoint (Flask's `url_for`), for the request being handled.
///
/// ```swift
/// try url(for: "show_post", ["post_id": 42, "page": 2])      // "/post/42?page=2"
/// try url(for: "static", ["filename": "style.css"])          // "/static/style.css"
/// try url(for: "profile", ["username": "John Doe"], external: true)
/// // "http://127.0.0.1:5000/profile/John%20Doe"
/// ```
/// Arguments that the rule does not use become the query string, in the order given. In a
/// blueprint's handler, `".index"` names that blueprint's `index`.
/// Outside a handler, use ``App/url(for:_:method:external:anchor:)``.
/// - Throws: ``URLBuildError`` naming the endpoint and what is missing.
public func url(
    for endpoint: String, _ arguments: KeyValuePairs<String, any CustomStringConvertible> = [:],
    method: HTTPMethod? = nil, external: Bool = false, anchor: String? = nil
) throws -> String {
    try RequestContext.required("url(for:)").url(
        for: endpoint, arguments.map { (name: $0.key, value: $0.value.description) }, method: method, external: external,
        anchor: anchor)
}

extension RequestContext {
    /// `url(for:)` with the arguments as a list, for callers that build them at run time.
    func url(
        for endpoint: String, _ arguments: [(name: String, value: String)], method: HTTPMethod?, external: Bool,
        anchor: String?
    ) throws -> String {
        // ".index" inside a blueprint's request means that blueprint's "index" (Flask's rule).
        var endpoint = endpoint
        if endpoint.hasPrefix("."), let current = request.endpoint, let dot = current.firstIndex(of: ".") {
            endpoint = current[..<dot] + endpoint
        } else if endpoint.hasPrefix(".") {
            endpoint.removeFirst()
        }
        return try app.buildURL(endpoint, arguments, method: method, external: external, anchor: anchor, origin: request.origin)
    }
}

extension App {
    /// The URL of an endpoint outside a request: external URLs use `SERVER_NAME`,
    /// `PREFERRED_URL_SCHEME` and `APPLICATION_ROOT` from the config.
    public func url(
        for endpoint: String, _ arguments: KeyValuePairs<String, any CustomStringConvertible> = [:],
        method: HTTPMethod? = nil, external: Bool = false, anchor: String? = nil
    ) throws -> String {
        try url(
            for: endpoint, arguments.map { (name: $0.key, value: $0.value.description) }, method: method, external: external,
            anchor: anchor)
    }

    /// `url(for:)` outside a request with the arguments as a list.
    func url(
        for endpoint: String, _ arguments: [(name: String, value: String)], method: HTTPMethod?, external: Bool,
        anchor: String?
    ) throws -> String {
        let config = self.config
        let root = config.applicationRoot.hasSuffix("/") ? String(config.applicationRoot.dropLast()) : config.applicationRoot
        let origin = RequestOrigin(scheme: config.preferredURLScheme, host: config.serverName ?? "localhost", scriptRoot: root)
        return try buildURL(endpoint, arguments, method: method, external: external, anchor: anchor, origin: origin)
    }

    func buildURL(
        _ endpoint: String, _ arguments: [(name: String, value: String)], method: HTTPMethod?, external: Bool,
        anchor: String?, origin: RequestOrigin
    ) throws -> String {
        let routes = pipelineIfFrozen?.setup.routes ?? setup.withLock { $0.routes }
        var url = try routes.map.build(
            endpoint: endpoint, arguments: arguments, method: method, external: external, scheme: origin.scheme,
            host: origin.host ?? "localhost", scriptRoot: origin.scriptRoot)
        if let anchor { url += "#" + PercentEncoding.quote(anchor, safe: .fragment) }
        return url
    }
}
