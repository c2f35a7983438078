internal import Synchronization

/// What the framework learns about a request while handling it: the rule it matched,
/// and its body and form once read.
///
/// It lives in the request context, not on the HTTP request, so every copy of the
/// request that middleware makes (``Request/with(origin:)``) sees the same answers: a
/// body middleware read before `next` is still there for the handler and the hooks.
final class RequestState: Sendable {
    private struct Stored {
        var routeMatch: RouteMatch?
        var body: [UInt8]?
        var formData: FormData?
    }

    private let stored = Mutex(Stored())

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

    /// The parsed form and files, once read.
    var formData: FormData? {
        get { stored.withLock { $0.formData } }
        set { stored.withLock { $0.formData = newValue } }
    }
}
