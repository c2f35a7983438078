internal import Logging

/// An app's frozen setup and the path every request takes through it: bind the context,
/// run the before hooks, dispatch, handle errors, run the after hooks, save the session,
/// run the teardown hooks.
final class AppPipeline: Sendable {
    private unowned let app: App
    let setup: AppSetup
    /// The templates of the app and its blueprints, compiled on first use.
    let templates: TemplateEnvironment
    /// The signed-cookie sessions; nil without a `SECRET_KEY`.
    let sessions: CookieSessionStore?

    /// The app wrapped in its middleware, outermost (last wrapped) first; nil without
    /// middleware, when requests go to ``route(_:in:)`` directly (a closure less per request).
    private let entry: Middleware.Next?
    /// `MAX_COOKIE_SIZE`: longer `Set-Cookie` fields are logged as browsers may drop them.
    private let maxCookieSize: Int
    /// `DEBUG`, read once: errors record their call stack and 500s show the debug page.
    private let debug: Bool

    init(app: App, setup: AppSetup) {
        self.app = app
        self.setup = setup
        templates = setup.templates.environment(for: app, config: setup.config)
        sessions = CookieSessionStore(config: setup.config)
        maxCookieSize = setup.config["MAX_COOKIE_SIZE"]?.int ?? 0
        debug = setup.config.debug
        guard !setup.middleware.isEmpty else {
            entry = nil
            return
        }
        var next: Middleware.Next = { [unowned app] request in
            guard let outer = RequestContext.current else { preconditionFailure("the pipeline runs inside respond(to:)") }
            return await app.pipeline.route(request, in: outer)
        }
        for middleware in setup.middleware {
            let inner = next
            next = { request in try await middleware.respond(to: request, next: inner) }
        }
        entry = next
    }

    /// Routes `request` and handles it, inside `outer`, the context `respond(to:)` bound.
    private func route(_ request: Request, in outer: RequestContext) async -> Response {
        // Middleware may have passed on a copy of the request.
        let context = request === outer.request ? outer : outer.with(request: request)
        let routing = setup.routes.route(request)
        // Kept where `request.endpoint` and `request.pathParameters` read it.
        context.state.routeMatch = try? routing.get()
        if request === outer.request { return await handle(request, context: context, routing: routing) }
        return await RequestContext.$current.withValue(context) {
            await handle(request, context: context, routing: routing)
        }
    }

    /// The response to `request`, with the request context bound around the middleware
    /// and the app; whatever goes wrong becomes a response here, and is logged here.
    func respond(to request: Request) async -> Response {
        if debug && !ErrorOrigin.recordsCallStack {
            return await ErrorOrigin.$recordsCallStack.withValue(true) { await respond(to: request) }
        }
        let context = RequestContext(app: app, request: request, sessions: sessions)
        return await RequestContext.$current.withValue(context) {
            guard let entry else { return await route(request, in: context) }
            do {
                return try await entry(request)
            } catch {
                return await self.response(for: error, request: request)
            }
        }
    }

    fileprivate func handle(_ request: Request, context: RequestContext, routing: Result<RouteMatch, RoutingError>) async -> Response {
        var failure: (any Error)?
        var response: Response
        do {
            response = try await preprocessAndDispatch(request, routing: routing)
            try context.state.sessionIfMade?.checkWritesWereAllowed()
        } catch {
            failure = error
            response = await self.response(for: error, request: request)
        }
        for hook in setup.afterRequest.reversed() {
            do {
                response = try await hook(response)
            } catch {
                failure = error
                response = await self.response(for: error, request: request)
            }
        }
        // With a secret key the session is made even if unused: a permanent one is refreshed.
        sessions?.save(context.session, to: &response)
        LargeCookieWarning.check(response, limit: maxCookieSize, logger: app.logger)
        for hook in setup.teardownRequest.reversed() {
            await hook(failure)
        }
        return response
    }

    private func preprocessAndDispatch(_ request: Request, routing: Result<RouteMatch, RoutingError>) async throws -> Response {
        for hook in setup.beforeRequest {
            if let response = try await hook() { return response }
        }
        return try await setup.routes.dispatch(request, routing: routing)
    }

    /// The response for an error: the app's handler for its type, else for its status, else
    /// the standard error page. Anything else than an HTTP error is logged and becomes a 500.
    private func response(for error: any Error, request: Request) async -> Response {
        do {
            for handler in setup.typeHandlers {
                if let response = try await handler(error) { return response }
            }
            let httpError = HTTPError(from: error)
            if httpError.status == .internalServerError {
                app.logger.error(
                    "Exception on \(request.rawPath) [\(request.method)]", metadata: ["error": "\(String(reflecting: error))"])
            }
            if let handler = setup.statusHandlers[httpError.status.code] {
                return try await handler(httpError)
            }
            if debug && DebugErrorPage.shows(error, answering: httpError, config: setup.config) {
                return await DebugErrorPage(error: error, request: request, context: RequestContext.current, setup: setup).response()
            }
            return ErrorPage.response(for: httpError.status, message: httpError.message, headers: httpError.headers)
        } catch {
            // An error handler failed: Flask answers 500 then, and so do we.
            app.logger.error("Error handler failed", metadata: ["error": "\(String(reflecting: error))"])
            return ErrorPage.response(for: .internalServerError)
        }
    }
}
