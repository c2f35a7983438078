/// A required form or query key is missing: Werkzeug's `BadRequestKeyError`, answered with 400.
///
/// Thrown by ``MultiDict/require(_:)``; let it propagate and the client gets a 400.
///
/// ```swift
/// let username = try request.form.require("username")
/// ```
/// The response shows ``message``, Werkzeug's generic text. ``debugMessage`` adds the missing
/// key, as Werkzeug does in debug mode; it is kept out of production pages because it
/// tells a client which fields the handler reads.
public struct BadRequestKeyError: HTTPResponseError, LocatedError, Sendable, Equatable, CustomStringConvertible {
    /// The key that was asked for.
    public let key: String
    /// Where the key was required, for the debug page.
    public let origin: ErrorOrigin

    public init(key: String, fileID: StaticString = #fileID, line: UInt = #line) {
        self.key = key
        origin = ErrorOrigin(fileID: fileID, line: line)
    }

    /// 400 Bad Request.
    public var status: HTTPStatus { .badRequest }

    /// Werkzeug's description of a bad request.
    public var message: String {
        "The browser (or proxy) sent a request that this server could not understand."
    }

    /// ``message`` followed by the missing key, as Werkzeug shows it in debug mode.
    public var debugMessage: String {
        "\(message)\nKeyError: '\(key)'"
    }

    /// The error as the response it stands for.
    public var httpError: HTTPError {
        HTTPError(status, message: message, origin: origin)
    }

    /// The same key missing, wherever it was required.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.key == rhs.key }

    public var description: String {
        "400 Bad Request: the request has no key '\(key)'"
    }
}
