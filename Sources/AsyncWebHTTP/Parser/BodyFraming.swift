/// Where a request's body ends (RFC 9112 §6.3), decided once from the head.
///
/// A request without Content-Length or Transfer-Encoding has no body: unlike
/// a response, it is never delimited by closing the connection.
enum BodyFraming: Sendable, Hashable {
    /// No body; the next request starts right after the head.
    case none
    /// Exactly this many bytes follow the head.
    case contentLength(Int)
    /// The body is chunked; decode it with `ChunkedBodyDecoder`.
    case chunked
}
