public import IOUring

/// An incoming HTTP request: method, target, header fields, and the body as it streams in.
///
/// Handlers receive it as a parameter (`app.get("/") { request in … }`).
public final class Request: Sendable {
    let head: RequestHead
    /// The body; read it once, as a stream or collected.
    public let body: RequestBody
    /// The client's address (the last proxy's, behind one).
    public let remoteAddress: SocketAddress?

    init(head: RequestHead, body: RequestBody, remoteAddress: SocketAddress?) {
        self.head = head
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The method, e.g. `.get`.
    public var method: HTTPMethod { head.method }
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: HTTPVersion { head.version }
    /// The request target as sent: path and query, still percent-encoded.
    public var target: Substring { head.target }
    /// The path part of the target, still percent-encoded.
    public var rawPath: Substring { head.path }
    /// The query string without the `?` (empty when there is none), still percent-encoded.
    public var queryString: Substring { head.query ?? "" }
    /// The header fields.
    public var headers: RequestHeaders { RequestHeaders(head: head) }
}
