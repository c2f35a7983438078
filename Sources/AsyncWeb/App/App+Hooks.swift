extension App {
    /// Runs `hook` before each request (Flask's `before_request`); a response it returns is
    /// sent instead of calling the route's handler.
    ///
    /// ```swift
    /// app.beforeRequest { request.headers["X-Token"] == nil ? try abort(401) : nil }
    /// ```
    public func beforeRequest(_ hook: @escaping @Sendable () async throws -> Response?) {
        register("beforeRequest") { $0.beforeRequest.append(hook) }
    }

    /// Passes each response through `hook` (Flask's `after_request`); hooks run in reverse
    /// order of registration, as in Flask.
    public func afterRequest(_ hook: @escaping @Sendable (Response) async throws -> Response) {
        register("afterRequest") { $0.afterRequest.append(hook) }
    }

    /// Runs `hook` when a request is done, with the error that ended it if any (Flask's
    /// `teardown_request`), whether or not the handler succeeded.
    public func teardownRequest(_ hook: @escaping @Sendable ((any Error)?) async -> Void) {
        register("teardownRequest") { $0.teardownRequest.append(hook) }
    }

    /// Answers errors with `status` (from ``abort(_:_:)``, routing, or 500 for unhandled
    /// errors) with `handler` (Flask's `@app.errorhandler(404)`).
    ///
    /// ```swift
    /// app.errorHandler(404) { _ in makeResponse("custom not found page", status: 404) }
    /// ```
    public func errorHandler<Result: ResponseConvertible>(
        _ status: HTTPStatus, _ handler: @escaping @Sendable (HTTPError) async throws -> Result
    ) {
        register("errorHandler") { setup in
            setup.statusHandlers[status.code] = { error in try await handler(error).makeResponse() }
        }
    }

    /// Answers errors of type `type` with `handler` (Flask's `@app.errorhandler(SomeError)`).
    public func errorHandler<Failure: Error, Result: ResponseConvertible>(
        _ type: Failure.Type, _ handler: @escaping @Sendable (Failure) async throws -> Result
    ) {
        register("errorHandler") { setup in
            setup.typeHandlers.append { error in
                guard let error = error as? Failure else { return nil }
                return try await handler(error).makeResponse()
            }
        }
    }
}
