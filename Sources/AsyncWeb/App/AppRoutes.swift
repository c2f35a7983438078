/// An app's URL rules and the handlers of their endpoints, by method.
struct AppRoutes: Sendable {
    var map = URLMap()
    /// By endpoint, each method's handler and where it was registered: a short list, searched
    /// in order, since an endpoint answers one or two methods and a dictionary would hash the
    /// method on every request.
    private var handlers: [String: [(method: HTTPMethod, handler: App.Handler, site: CallSite)]] = [:]

    /// Adds rules sharing one handler; a bad pattern or an endpoint registered twice for a
    /// method stops the program at startup with the reason, as Flask raises at decoration time.
    mutating func add(
        rules: [String], methods: [HTTPMethod], endpoint: String, automaticOptions: Bool, registeredAt site: CallSite,
        handler: @escaping App.Handler
    ) {
        for rule in rules {
            do {
                try map.add(rule, endpoint: endpoint, methods: Set(methods), automaticOptions: automaticOptions)
            } catch {
                preconditionFailure("Invalid URL rule '\(rule)' for endpoint '\(endpoint)': \(error)")
            }
        }
        for method in methods {
            precondition(
                handlers[endpoint]?.contains { $0.method == method } != true,
                "View function mapping is overwriting an existing endpoint function: '\(endpoint)' already answers \(method). Give the route another name.")
            handlers[endpoint, default: []].append((method, handler, site))
        }
    }

    /// Where the handler answering `method` at `endpoint` was registered (GET's for HEAD).
    func registrationSite(of endpoint: String, method: HTTPMethod) -> CallSite? {
        let byMethod = handlers[endpoint] ?? []
        return (byMethod.first { $0.method == method } ?? (method == .head ? byMethod.first { $0.method == .get } : nil))?.site
    }

    /// The rule `request` matches, or why none fits. A failure waits for
    /// ``dispatch(_:routing:)``, after the before-request hooks, as in Flask.
    func route(_ request: Request) -> Result<RouteMatch, RoutingError> {
        Result { () throws(RoutingError) in
            try map.match(path: request.path, method: request.method, query: String(request.queryString))
        }
    }

    /// Runs the routed request's handler, or answers the routing failure: 404, 405 with
    /// `Allow`, a 308 to the URL with its slash; automatic HEAD (the GET handler) and
    /// OPTIONS (the allowed methods).
    func dispatch(_ request: Request, routing: Result<RouteMatch, RoutingError>) async throws -> Response {
        let match: RouteMatch
        switch routing {
        case .success(let matched):
            match = matched
        case .failure(.notFound):
            throw HTTPError(.notFound)
        case .failure(.methodNotAllowed(let allowed)):
            throw HTTPError(.methodNotAllowed, headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")])
        case .failure(.redirect(let location)):
            // Werkzeug's RequestRedirect: an absolute URL under the app's root.
            return redirect(to: "\(request.scheme)://\(request.host)\(request.scriptRoot)\(location)", code: .permanentRedirect)
        }
        let byMethod = handlers[match.endpoint] ?? []
        let method = request.method
        if let found = byMethod.first(where: { $0.method == method })
            ?? (method == .head ? byMethod.first { $0.method == .get } : nil)
        {
            return try await found.handler(request)
        }
        if request.method == .options {
            let allowed = map.allowedMethods(path: request.path).map(\.rawValue).joined(separator: ", ")
            return Response(headers: ["Content-Type": "text/html; charset=utf-8", "Allow": allowed])
        }
        throw HTTPError(.methodNotAllowed)
    }
}
