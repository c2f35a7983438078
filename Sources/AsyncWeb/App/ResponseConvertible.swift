/// A value a handler may return, turned into a ``Response`` by Flask's rules.
///
/// - `String` (and ``Markup``): `200`, `text/html; charset=utf-8`.
/// - Dictionaries with `String` keys and arrays of `Encodable` values: JSON, as `jsonify`.
/// - Your own `Encodable` models: declare `ResponseConvertible` and they become JSON too.
/// - An `AsyncStream` or `AsyncThrowingStream` of `String` or `[UInt8]`: a streamed,
///   chunked `text/html` response, each element sent as it comes (Flask's generators).
/// - ``Response``: sent as is; ``HTTPStatus`` alone: an empty body with that status.
/// - `Never`: a handler that always ends in ``abort(_:_:)`` needs no annotation.
///
/// Only the conversions that can fail throw (``ConversionError`` is `Never` for the
/// others), so `makeResponse("created", status: 201)` needs no `try`.
public protocol ResponseConvertible: HandlerResultType {
    /// What ``makeResponse()`` may throw: `Never` for bodies that always convert.
    associatedtype ConversionError: Error = any Error

    func makeResponse() throws(ConversionError) -> Response
}

#if compiler(>=6.2)
/// A handler's result type is used by whichever thread serves the request, so its
/// metatype must be `Sendable` (Swift 6.2's check; earlier compilers have none).
public typealias HandlerResultType = SendableMetatype
#else
/// Stands in for Swift 6.2's `SendableMetatype` on earlier compilers.
public protocol HandlerResultType {}
#endif

extension ResponseConvertible where Self: Encodable {
    /// Encodable models answer as JSON.
    public func makeResponse() throws -> Response {
        try jsonify(self)
    }
}

extension Response: ResponseConvertible {
    public func makeResponse() -> Response { self }
}

extension String: ResponseConvertible {
    public func makeResponse() -> Response {
        Response(status: .ok, headers: HTTPHeaders.html, body: ResponseBody(string: self))
    }
}

extension Substring: ResponseConvertible {
    public func makeResponse() -> Response {
        String(self).makeResponse()
    }
}

extension Markup: ResponseConvertible {
    public func makeResponse() -> Response {
        html.makeResponse()
    }
}

extension HTTPStatus: ResponseConvertible {
    public func makeResponse() -> Response {
        Response(status: self)
    }
}

extension Never: ResponseConvertible {
    public func makeResponse() -> Response {
        switch self {}
    }
}

extension AsyncStream: ResponseConvertible where Element: BodyChunk {
    public func makeResponse() -> Response {
        Response(headers: HTTPHeaders.html, body: ResponseBody(stream: self))
    }
}

extension AsyncThrowingStream: ResponseConvertible where Element: BodyChunk, Failure == any Error {
    public func makeResponse() -> Response {
        Response(headers: HTTPHeaders.html, body: ResponseBody(stream: self))
    }
}

extension Dictionary: ResponseConvertible where Key == String, Value: Encodable {}
extension Array: ResponseConvertible where Element: Encodable {}

extension HTTPHeaders {
    /// `Content-Type: text/html; charset=utf-8`, built once and shared (copy on write).
    static let html: HTTPHeaders = ["Content-Type": "text/html; charset=utf-8"]
    /// `Content-Type: application/json`.
    static let json: HTTPHeaders = ["Content-Type": "application/json"]
}

/// A response built from a body with a status and headers (Flask's `make_response` and its
/// `return body, status, headers` tuples).
///
/// ```swift
/// app.get("/created") { makeResponse("created", status: 201, headers: ["X-Tuple": "yes"]) }
/// ```
/// Headers given here are added to the body's own (`Content-Type` is replaced).
public func makeResponse<Body: ResponseConvertible>(
    _ body: Body, status: HTTPStatus? = nil, headers: HTTPHeaders = [:]
) throws(Body.ConversionError) -> Response {
    var response = try body.makeResponse()
    if let status { response.status = status }
    for (name, value) in headers {
        if name.equalsIgnoringASCIICase("Content-Type") {
            response.headers[name] = value
        } else {
            response.headers.add(name, value)
        }
    }
    return response
}
