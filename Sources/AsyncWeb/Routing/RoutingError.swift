/// Why ``URLMap/match(path:method:query:)`` found no rule to run, each case
/// carrying what the response needs: Werkzeug's `NotFound`,
/// `MethodNotAllowed` and `RequestRedirect`.
///
/// ```swift
/// do {
///     let match = try map.match(path: request.path, method: request.method, query: request.query)
///     …
/// } catch .redirect(let location) {
///     // 308 with `Location: location`
/// } catch .methodNotAllowed(let allowed) {
///     // 405 with `Allow: allowed.map(\.rawValue).joined(separator: ", ")`
/// } catch {
///     // 404
/// }
/// ```
public enum RoutingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No rule matches the path (404).
    case notFound
    /// Rules match the path but not the method (405); `allowed` are the
    /// methods they answer, sorted by name, for the `Allow` header.
    case methodNotAllowed(allowed: [HTTPMethod])
    /// The path matches a rule once its trailing slash is added or its
    /// repeated slashes are merged (308). `to` is the corrected,
    /// percent-encoded path with the request's query string kept, relative
    /// to the application's root: prefix the script root, if any.
    case redirect(to: String)

    /// The response status: 404, 405 or 308.
    public var status: Int {
        switch self {
        case .notFound: 404
        case .methodNotAllowed: 405
        case .redirect: 308
        }
    }

    public var description: String {
        switch self {
        case .notFound:
            "404 Not Found: no rule matches the requested URL."
        case .methodNotAllowed(let allowed):
            "405 Method Not Allowed: the URL answers only \(allowed.map(\.rawValue).joined(separator: ", "))."
        case .redirect(let location):
            "308 Permanent Redirect to \(location)."
        }
    }
}
