/// A reusable add-on that sets itself up on an app: routes, hooks, error handlers, config
/// defaults (Flask's extension pattern, `ext.init_app(app)`).
///
/// ```swift
/// /// Gives every response an `X-Request-ID`, reusing the client's when it sent one.
/// struct RequestID: AppExtension {
///     var header = "X-Request-ID"
///
///     func register(on app: App) {
///         app.beforeRequest {
///             g["request_id"] = request.headers[header].map(String.init) ?? UUID().uuidString
///             return nil
///         }
///         app.afterRequest { response in
///             var response = response
///             response.headers[header] = g["request_id", as: String.self]
///             return response
///         }
///     }
/// }
///
/// app.install(RequestID())
/// ```
/// Keep per-request state in ``g`` and app-wide settings in ``App/config``, so one
/// extension value can serve several apps.
public protocol AppExtension {
    func register(on app: App)
}

extension App {
    /// Lets `extension` register itself on this app.
    public func install(_ extension: some AppExtension) {
        `extension`.register(on: self)
    }
}
