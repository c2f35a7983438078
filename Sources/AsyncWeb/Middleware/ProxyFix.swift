/// Trusts `X-Forwarded-*` fields set by a known number of proxies in front of the app
/// (Werkzeug's `ProxyFix`), so ``Request/remoteAddress``, ``Request/scheme``,
/// ``Request/host`` and ``Request/scriptRoot`` show the client's view.
///
/// ```swift
/// app.wrap(ProxyFix(forwardedFor: 1, forwardedProto: 1, forwardedHost: 1))
/// ```
/// Each count is how many values of that field to trust, counted from the right: set them
/// to the number of proxies that set the field, never more, or clients can forge them.
public struct ProxyFix: Middleware {
    public let forwardedFor: Int
    public let forwardedProto: Int
    public let forwardedHost: Int
    public let forwardedPort: Int
    public let forwardedPrefix: Int

    public init(forwardedFor: Int = 1, forwardedProto: Int = 1, forwardedHost: Int = 0, forwardedPort: Int = 0, forwardedPrefix: Int = 0) {
        self.forwardedFor = forwardedFor
        self.forwardedProto = forwardedProto
        self.forwardedHost = forwardedHost
        self.forwardedPort = forwardedPort
        self.forwardedPrefix = forwardedPrefix
    }

    public func respond(to request: Request, next: Next) async throws -> Response {
        var origin = request.origin
        if let client = trusted(request, "X-Forwarded-For", forwardedFor) { origin.remoteAddress = client }
        if let scheme = trusted(request, "X-Forwarded-Proto", forwardedProto) { origin.scheme = scheme }
        if let host = trusted(request, "X-Forwarded-Host", forwardedHost) { origin.host = host }
        if let port = trusted(request, "X-Forwarded-Port", forwardedPort) {
            // Werkzeug's rule: a port after the last colon goes, unless the host ends in `]`
            // (an IPv6 address without one). A client sends the Host, so `[` without `]` happens.
            var host = origin.host ?? ""
            if !host.hasSuffix("]"), let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
            origin.host = "\(host):\(port)"
        }
        if let prefix = trusted(request, "X-Forwarded-Prefix", forwardedPrefix) {
            origin.scriptRoot = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        }
        return try await next(origin == request.origin ? request : request.with(origin: origin))
    }

    /// The value `count` places from the right of a comma-separated field, if it has that many.
    private func trusted(_ request: Request, _ field: String, _ count: Int) -> String? {
        guard count > 0, let value = request.headers[field] else { return nil }
        let values = value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWerkzeugWhitespace() }
        guard values.count >= count else { return nil }
        return String(values[values.count - count])
    }
}
