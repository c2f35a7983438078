/// An error that answers the request with an HTTP status, as Werkzeug's `HTTPException` does.
///
/// Throw it from a handler to stop and respond: `throw HTTPError(.notFound)`.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPStatus
    /// Shown in the error page instead of the status's standard explanation.
    public var message: String?
    /// Extra header fields for the error response (`Allow`, `Retry-After`, …).
    public var headers: HTTPHeaders

    public init(_ status: HTTPStatus, message: String? = nil, headers: HTTPHeaders = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public var description: String {
        message.map { "\(status): \($0)" } ?? status.description
    }
}
