extension Request {
    /// The values of the matched rule's placeholders (Flask's `request.view_args`), for
    /// the request being handled.
    ///
    /// ```swift
    /// app.get("/post/<int:post_id>") { request in "Post \(request.arguments.int("post_id")!)" }
    /// ```
    public var arguments: RouteArguments {
        RequestContext.current?.state(of: self)?.routeMatch?.arguments ?? RouteArguments([])
    }

    /// The endpoint of the matched rule (Flask's `request.endpoint`), for the request being handled.
    public var endpoint: String? { RequestContext.current?.state(of: self)?.routeMatch?.endpoint }
}
