/// Something routes are registered on: an ``App`` or a ``Blueprint``. It supplies one
/// method; `route`, `get`, `post`, `put`, `patch` and `delete` come with it, each taking
/// a handler with the request as its parameter or without it (it can still read ``request``):
///
/// ```swift
/// app.get("/user/<username>") { request in "User \(escape(request.pathParameters["username"]))" }
/// app.delete("/session") { session.clear(); return "gone" }
/// ```
public protocol RouteRegistrar {
    /// Registers a type-erased handler for each of `rules` and `methods` under
    /// `endpoint` (by default the first rule); `site` is the registering call, which the
    /// debug page shows.
    func addRoute(_ rules: [String], methods: [HTTPMethod], endpoint: String?, registeredAt site: CallSite, handler: @escaping App.Handler)
}

extension RouteRegistrar {
    /// One handler for several rules under one endpoint, as Flask's stacked
    /// `@app.route` decorators: `app.route(["/hello/", "/hello/<name>"], name: "hello") { … }`.
    /// Every other form of `route` and of the verbs comes here.
    ///
    /// - Parameters:
    ///   - name: the endpoint name used by `url(for:)`; defaults to the first rule.
    ///   - fileID: with `line`, where the route is registered, which the debug page shows;
    ///     leave both to their defaults, as every form of `route` and the verbs do.
    public func route<Result: ResponseConvertible>(
        _ rules: [String], methods: [HTTPMethod] = [.get], name: String? = nil,
        fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (Request) async throws -> Result
    ) {
        addRoute(rules, methods: methods, endpoint: name, registeredAt: CallSite(fileID: fileID, line: line)) { request in
            try await handler(request).makeResponse()
        }
    }

    /// Several rules, with a handler that does not take the request.
    public func route<Result: ResponseConvertible>(
        _ rules: [String], methods: [HTTPMethod] = [.get], name: String? = nil,
        fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable () async throws -> Result
    ) {
        // Wrapped once, not through the overload above: every wrapper is an async frame
        // (a task allocation) on each request.
        addRoute(rules, methods: methods, endpoint: name, registeredAt: CallSite(fileID: fileID, line: line)) { _ in
            try await handler().makeResponse()
        }
    }

    /// Registers `handler` for the URL rule `rule` and each of `methods` (Flask's `@app.route`).
    ///
    /// - Parameter name: the endpoint name used by `url(for:)`; defaults to the rule itself.
    public func route<Result: ResponseConvertible>(
        _ rule: String, methods: [HTTPMethod] = [.get], name: String? = nil,
        fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (Request) async throws -> Result
    ) {
        route([rule], methods: methods, name: name, fileID: fileID, line: line, handler)
    }

    /// One rule, with a handler that does not take the request.
    public func route<Result: ResponseConvertible>(
        _ rule: String, methods: [HTTPMethod] = [.get], name: String? = nil,
        fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable () async throws -> Result
    ) {
        route([rule], methods: methods, name: name, fileID: fileID, line: line, handler)
    }

    /// `GET` (and with it `HEAD`) for `rule`.
    public func get<Result: ResponseConvertible>(
        _ rule: String, name: String? = nil, fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (Request) async throws -> Result
    ) { route(rule, methods: [.get], name: name, fileID: fileID, line: line, handler) }

    /// `GET` (and with it `HEAD`) for `rule`.
    public func get<Result: ResponseConvertible>(
        _ rule: String, name: String? = nil, fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable () async throws -> Result
    ) { route(rule, methods: [.get], name: name, fileID: fileID, line: line, handler) }

    /// `POST` for `rule`.
    public func post<Result: ResponseConvertible>(
        _ rule: String, name: String? = nil, fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (Request) async throws -> Result
    ) { route(rule, methods: [.post], name: name, fileID: fileID, line: line, handler) }

    /// `POST` for `rule`.
    public func post<Result: ResponseConvertible>(
        _ rule: String, name: String? = nil, fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable () async throws -> Result
    ) { route(rule, methods: [.post], name: name, fileID: fileID, line: line, handler) }

    /// `PUT` for `rule`.
    public func put<Result: ResponseConvertible>(
        _ rule: String, name: String? = nil, fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (Request) async throws -> Result
    ) { route(rule, methods: [.put], name: name, fileID: fileID, line: line, handler) }

    /// `PUT` for `rule`.
    public func put<Result: ResponseConvertible>(
        _ rule: String, name: String? = nil, fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable () async throws -> Result
    ) { route(rule, methods: [.put], name: name, fileID: fileID, line: line, handler) }

    /// `PATCH` for `rule`.
    public func patch<Result: ResponseConvertible>(
        _ rule: String, name: String? = nil, fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (Request) async throws -> Result
    ) { route(rule, methods: [.patch], name: name, fileID: fileID, line: line, handler) }

    /// `PATCH` for `rule`.
    public func patch<Result: ResponseConvertible>(
        _ rule: String, name: String? = nil, fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable () async throws -> Result
    ) { route(rule, methods: [.patch], name: name, fileID: fileID, line: line, handler) }

    /// `DELETE` for `rule`.
    public func delete<Result: ResponseConvertible>(
        _ rule: String, name: String? = nil, fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (Request) async throws -> Result
    ) { route(rule, methods: [.delete], name: name, fileID: fileID, line: line, handler) }

    /// `DELETE` for `rule`.
    public func delete<Result: ResponseConvertible>(
        _ rule: String, name: String? = nil, fileID: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable () async throws -> Result
    ) { route(rule, methods: [.delete], name: name, fileID: fileID, line: line, handler) }
}
