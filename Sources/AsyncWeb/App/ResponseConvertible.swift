/// A value a handler may return, turned into a ``Response`` the way Flask converts return values.
///
/// A `String` becomes a `200` `text/html; charset=utf-8` response; a ``Response`` is sent as is.
public protocol ResponseConvertible: Sendable {
    func makeResponse() -> Response
}

extension Response: ResponseConvertible {
    public func makeResponse() -> Response { self }
}

extension String: ResponseConvertible {
    public func makeResponse() -> Response {
        Response(status: .ok, headers: HTTPHeaders.html, body: ResponseBody(string: self))
    }
}

extension HTTPHeaders {
    /// `Content-Type: text/html; charset=utf-8`, built once and shared (copy on write).
    static let html: HTTPHeaders = ["Content-Type": "text/html; charset=utf-8"]
}
