/// What is bound while a request is handled: the app, the request, `g` and the session.
///
/// The server binds it with `TaskLocal` for the life of each request, so everything the
/// handler awaits sees it, child tasks included. Read it through ``request``, ``g``,
/// ``session`` and ``currentApp``; bind one yourself (in tests, or to build URLs outside a request) with
/// ``App/testRequestContext(_:method:headers:body:_:)``.
public struct RequestContext: Sendable {
    public let app: App
    public let request: Request
    /// The route match, the body and form caches, `g` and the session, shared by every
    /// copy of the request.
    let state: RequestState

    /// Storage for the length of the request (Flask's `g`), made when first used.
    public var g: RequestGlobals { state.globals }
    /// The request's session, made when first used.
    public var session: Session { state.session }

    /// The context of `request`, whose session `sessions` reads and writes (nil: no secret key).
    init(app: App, request: Request, sessions: CookieSessionStore?) {
        self.app = app
        self.request = request
        state = RequestState(sessions: sessions, request: request)
    }

    private init(app: App, request: Request, state: RequestState) {
        self.app = app
        self.request = request
        self.state = state
    }

    /// The same context for a copy of its request that middleware made.
    func with(request: Request) -> RequestContext {
        RequestContext(app: app, request: request, state: state)
    }

    /// The framework's state of `request`: this context's when `request` is the one it
    /// handles or a copy of it, which reads the same body stream; nil for a request made
    /// by hand with a body of its own.
    func state(of request: Request) -> RequestState? {
        request === self.request || request.body.isSameStream(as: self.request.body) ? state : nil
    }

    @TaskLocal static var current: RequestContext?

    /// The bound context, or a crash that says how to bind one (Flask's RuntimeError).
    static func required(_ name: String) -> RequestContext {
        guard let current else {
            preconditionFailure("""
                Working outside of request context: `\(name)` was used where no request is being \
                handled. It is available inside route handlers, hooks and error handlers, and \
                whatever they await. In tests, bind one with `app.testRequestContext("/path") { … }`.
                """)
        }
        return current
    }
}

/// The request being handled (Flask's `request`), for code that does not take it as a parameter.
public var request: Request { RequestContext.required("request").request }

/// Storage for the length of one request (Flask's `g`): `g["user"] = user`.
public var g: RequestGlobals { RequestContext.required("g").g }

/// The app handling the current request (Flask's `current_app`).
public var currentApp: App { RequestContext.required("currentApp").app }
