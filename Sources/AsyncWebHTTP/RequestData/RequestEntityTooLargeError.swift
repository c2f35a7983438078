/// A request body over one of the ``FormDataLimits``: Werkzeug's `RequestEntityTooLarge`,
/// answered with 413.
///
/// ```swift
/// do {
///     let data = try await FormData.parse(body: request.body, contentType: type, contentLength: length)
/// } catch let error as RequestEntityTooLargeError {
///     throw error.httpError           // 413 with Werkzeug's message
/// }
/// ```
public struct RequestEntityTooLargeError: HTTPResponseError, LocatedError, Sendable, Equatable, CustomStringConvertible {
    /// Which limit the request went over.
    public enum Limit: String, Sendable {
        /// ``FormDataLimits/maxContentLength``: the whole body.
        case maxContentLength
        /// ``FormDataLimits/maxFormMemorySize``: a form field, a urlencoded body, or
        /// multipart text held in memory (preamble, part headers, epilogue).
        case maxFormMemorySize
        /// ``FormDataLimits/maxFormParts``: the number of multipart parts.
        case maxFormParts

        /// The Flask configuration key that sets this limit.
        public var flaskConfigKey: String {
            switch self {
            case .maxContentLength: "MAX_CONTENT_LENGTH"
            case .maxFormMemorySize: "MAX_FORM_MEMORY_SIZE"
            case .maxFormParts: "MAX_FORM_PARTS"
            }
        }
    }

    /// The limit that was exceeded.
    public let limit: Limit
    /// Where the limit was enforced, for the debug page.
    public let origin: ErrorOrigin

    public init(limit: Limit, fileID: StaticString = #fileID, line: UInt = #line) {
        self.limit = limit
        origin = ErrorOrigin(fileID: fileID, line: line)
    }

    /// 413 Request Entity Too Large.
    public var status: HTTPStatus { .contentTooLarge }

    /// Werkzeug's description of the error, shown to the client.
    public var message: String {
        "The data value transmitted exceeds the capacity limit."
    }

    /// The error as the response it stands for.
    public var httpError: HTTPError {
        HTTPError(status, message: message, origin: origin)
    }

    /// The same limit exceeded, wherever it was enforced.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.limit == rhs.limit }

    public var description: String {
        "413 Request Entity Too Large: the request is over FormDataLimits.\(limit.rawValue) "
            + "(Flask's \(limit.flaskConfigKey)); raise that limit if such requests are expected"
    }
}
