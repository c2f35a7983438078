internal import Synchronization

/// What the framework learns about a request while handling it: the rule it matched,
/// and its body and form once read; and the request's `g` and session, each made when
/// first used (most requests touch neither, and each was an allocation on every one).
///
/// It lives in the request context, not on the HTTP request, so every copy of the
/// request that middleware makes (``Request/with(origin:)``) sees the same answers: a
/// body middleware read before `next` is still there for the handler and the hooks.
final class RequestState: Sendable {
    private struct Stored {
        var routeMatch: RouteMatch?
        var body: [UInt8]?
        var formData: FormData?
        var globals: RequestGlobals?
        var session: Session?
    }

    private let stored = Mutex(Stored())
    /// What the session is made from.
    private let sessions: CookieSessionStore?
    private let request: Request

    init(sessions: CookieSessionStore?, request: Request) {
        self.sessions = sessions
        self.request = request
    }

    /// The request's session, made on first use.
    var session: Session {
        stored.withLock { stored in
            if let session = stored.session { return session }
            let session = Session(store: sessions, request: request)
            stored.session = session
            return session
        }
    }

    /// The session if anything used it; nil means nobody read or wrote it.
    var sessionIfMade: Session? {
        stored.withLock { $0.session }
    }

    /// The rule the request matched, once routing has run.
    var routeMatch: RouteMatch? {
        get { stored.withLock { $0.routeMatch } }
        set { stored.withLock { $0.routeMatch = newValue } }
    }

    /// The whole body, once read (Flask caches `get_data()` too).
    var body: [UInt8]? {
        get { stored.withLock { $0.body } }
        set { stored.withLock { $0.body = newValue } }
    }

    /// The request's `g`, made on first use.
    var globals: RequestGlobals {
        stored.withLock { stored in
            if let globals = stored.globals { return globals }
            let globals = RequestGlobals()
            stored.globals = globals
            return globals
        }
    }

    /// The parsed form and files, once read.
    var formData: FormData? {
        get { stored.withLock { $0.formData } }
        set { stored.withLock { $0.formData = newValue } }
    }
}
