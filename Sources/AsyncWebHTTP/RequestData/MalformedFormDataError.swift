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
public struct MalformedFormDataError: HTTPResponseError, LocatedError, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the body.
    public let reason: String
    /// Where the parser gave up, for the debug page.
    public let origin: ErrorOrigin

    public init(reason: String, fileID: StaticString = #fileID, line: UInt = #line) {
        self.reason = reason
        origin = ErrorOrigin(fileID: fileID, line: line)
    }

    public var description: String {
        "Malformed form data: \(reason)"
    }

    /// A malformed body is the client's fault: 400, as Werkzeug answers.
    public var httpError: HTTPError { HTTPError(.badRequest, origin: origin) }

    /// The same fault, wherever the parser found it.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.reason == rhs.reason }
}
