extension Request {
    /// The endpoint of the matched rule (Flask's `request.endpoint`), for the request being handled.
    public var endpoint: String? { RequestContext.current?.state(of: self)?.routeMatch?.endpoint }
}
