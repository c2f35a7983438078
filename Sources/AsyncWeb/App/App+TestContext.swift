extension App {
    /// Runs `body` with a request context bound, as if `body` handled a request for `target`
    /// (Flask's `app.test_request_context()`): ``request``, ``g``, ``session`` and ``currentApp`` work in
    /// it, and so does URL building.
    ///
    /// ```swift
    /// try await app.testRequestContext("/hello?name=alice") {
    ///     #expect(request.queryString == "name=alice")
    /// }
    /// ```
    public func testRequestContext<Value>(
        _ target: String = "/", method: HTTPMethod = .get, headers: HTTPHeaders = [:], body: [UInt8] = [],
        _ operation: () async throws -> Value
    ) async throws -> Value {
        let request = try Request(method: method, target: target, headers: headers, body: body)
        let context = RequestContext(app: self, request: request, sessions: currentPipeline.sessions)
        return try await RequestContext.$current.withValue(context) { try await operation() }
    }
}
