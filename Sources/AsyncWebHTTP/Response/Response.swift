/// An HTTP response: a status, header fields and a body.
///
/// ```swift
/// var response = Response(status: .created, body: "made it")
/// response.headers["Content-Type"] = "text/plain; charset=utf-8"
/// ```
/// The server adds `Date`, `Content-Length` (or chunked framing) and `Connection` itself.
public struct Response: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: ResponseBody

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: ResponseBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
