internal import IOUring

/// An error that answers the request with an HTTP status, as Werkzeug's `HTTPException` does.
///
/// Throw it from a handler to stop and respond: `throw HTTPError(.notFound)`.
public struct HTTPError: LocatedError, Sendable, CustomStringConvertible {
    public var status: HTTPStatus
    /// Shown in the error page instead of the status's standard explanation.
    public var message: String?
    /// Extra header fields for the error response (`Allow`, `Retry-After`, …).
    public var headers: HTTPHeaders
    /// Where the error was made, for the debug page.
    public let origin: ErrorOrigin

    /// An error answering with `status`, made here: `fileID` and `line` default to the
    /// caller's place in the source.
    public init(
        _ status: HTTPStatus, message: String? = nil, headers: HTTPHeaders = [:],
        fileID: StaticString = #fileID, line: UInt = #line
    ) {
        self.init(status, message: message, headers: headers, origin: ErrorOrigin(fileID: fileID, line: line))
    }

    /// An error answering with `status` for another error made at `origin`, as an
    /// ``HTTPResponseError`` answers with its own.
    public init(_ status: HTTPStatus, message: String? = nil, headers: HTTPHeaders = [:], origin: ErrorOrigin) {
        self.status = status
        self.message = message
        self.headers = headers
        self.origin = origin
    }

    public var description: String {
        message.map { "\(status): \($0)" } ?? status.description
    }
}

/// An error that knows the HTTP answer it stands for (a missing form key is a 400, an
/// oversized form a 413): conform your own errors to answer with a status instead of 500.
public protocol HTTPResponseError: Error {
    var httpError: HTTPError { get }
}

extension HTTPError {
    /// The HTTP meaning of any error: itself, its ``HTTPResponseError`` answer, a parse
    /// error's status, 408 for a read that timed out, else 500.
    package init(from error: any Error) {
        switch error {
        case let error as HTTPError: self = error
        case let error as any HTTPResponseError: self = error.httpError
        case let error as HTTPParseError: self.init(HTTPStatus(error.status), message: error.reason, origin: .withoutCallStack())
        case is IOTimeoutError: self.init(.requestTimeout, origin: .withoutCallStack())
        default: self.init(.internalServerError, origin: .withoutCallStack())
        }
    }
}
