internal import AsyncWebEncoding

/// A JSON response of `value`, byte for byte what Flask's `jsonify` sends: sorted keys,
/// compact, ASCII-only, a final newline, `application/json`.
///
/// ```swift
/// app.get("/me") { try jsonify(["username": "alice", "theme": "dark"]) }
/// ```
public func jsonify(_ value: some Encodable, status: HTTPStatus = .ok) throws -> Response {
    // Written into the bytes that become the body, newline included: no tree, no copy.
    var body: [UInt8] = []
    body.reserveCapacity(64)
    try JSONTextEncoder().append(value, to: &body)
    body.append(UInt8(ascii: "\n"))
    return Response(status: status, headers: HTTPHeaders.json, body: ResponseBody(bytes: body))
}

/// A redirect to `location` (Flask's `redirect`), 302 unless another code is given, with
/// Werkzeug's little HTML page for clients that do not follow it.
///
/// ```swift
/// app.get("/go") { try redirect(to: url(for: "login")) }
/// ```
public func redirect(to location: String, code: HTTPStatus = .found) -> Response {
    let shown = escape(location).html
    let page = """
        <!doctype html>
        <html lang=en>
        <title>Redirecting...</title>
        <h1>Redirecting...</h1>
        <p>You should be redirected automatically to the target URL: <a href="\(shown)">\(shown)</a>. If not, click the link.

        """
    return Response(
        status: code,
        headers: ["Content-Type": "text/html; charset=utf-8", "Location": PercentEncoding.quote(location, safe: .uri)],
        body: ResponseBody(string: page))
}

/// Stops the request with an HTTP error (Flask's `abort`): `try abort(401)`.
///
/// The app's error handler for that status answers, or the standard error page; in debug
/// mode a 500 shows the debug page, with the file and line of the `abort` call.
public func abort(_ status: HTTPStatus, _ message: String? = nil, fileID: StaticString = #fileID, line: UInt = #line) throws -> Never {
    throw HTTPError(status, message: message, fileID: fileID, line: line)
}
