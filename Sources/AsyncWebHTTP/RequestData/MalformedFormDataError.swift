/// A form body that does not follow its content type, such as a multipart body without
/// its closing boundary: Werkzeug's `ValueError` while parsing.
///
/// ``FormData/parse(body:contentType:contentLength:limits:)`` answers it as Flask does,
/// with an empty form, so a handler sees missing keys (and ``MultiDict/require(_:)``
/// answers 400). ``MultipartParser`` throws it, for callers who want to know.
///
/// ```swift
/// do {
///     let data = try await MultipartParser(boundary: boundary).parse(request.body)
/// } catch let error as MalformedFormDataError {
///     logger.info("bad upload: \(error.reason)")
/// }
/// ```
public struct MalformedFormDataError: HTTPResponseError, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the body.
    public let reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String {
        "Malformed form data: \(reason)"
    }

    /// A malformed body is the client's fault: 400, as Werkzeug answers.
    public var httpError: HTTPError { HTTPError(.badRequest) }
}
