/// Code that wraps the whole app, seeing every request before it and every response after
/// it (Flask's `app.wsgi_app = SomeMiddleware(app.wsgi_app)`).
///
/// ```swift
/// struct Timing: Middleware {
///     func respond(to request: Request, next: Next) async throws -> Response {
///         let start = ContinuousClock.now
///         var response = try await next(request)
///         response.headers["Server-Timing"] = "app;dur=\((ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000)"
///         return response
///     }
/// }
/// app.wrap(Timing())
/// ```
/// Middleware runs inside the request context, around the app's hooks: a body or form it
/// reads before `next` is still there for the handler. An error it throws becomes a
/// response through the app's error handlers, like a handler's. The last one wrapped
/// runs first.
public protocol Middleware: Sendable {
    typealias Next = @Sendable (Request) async throws -> Response
    func respond(to request: Request, next: Next) async throws -> Response
}

extension App {
    /// Wraps the app in `middleware`; the last one wrapped sees requests first.
    public func wrap(_ middleware: some Middleware) {
        register("wrap") { $0.middleware.append(middleware) }
    }
}
