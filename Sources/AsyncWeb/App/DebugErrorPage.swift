/// The 500 page in debug mode: what failed and for which request, instead of the terse
/// production page. Never shown unless `DEBUG` is on: it reveals internals.
enum DebugErrorPage {
    static func response(for error: any Error, request: Request) -> Response {
        let type = escape(String(reflecting: Swift.type(of: error))).html
        let detail = escape(String(reflecting: error)).html
        let headers = request.headers.map { "<tr><th>\(escape($0.name).html)</th><td>\(escape($0.value).html)</td></tr>" }
            .joined(separator: "\n")
        let page = """
            <!doctype html>
            <html lang=en>
            <title>\(type) // AsyncWeb Debugger</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222 }
            h1 { color: #b00 } pre { background: #f4f4f4; padding: 1em; white-space: pre-wrap }
            th { text-align: left; padding-right: 1em; vertical-align: top } td { font-family: monospace }
            </style>
            <h1>\(type)</h1>
            <pre>\(detail)</pre>
            <h2>Request</h2>
            <p><code>\(escape(request.method.rawValue).html) \(escape(String(request.target)).html) \(request.version)</code></p>
            <table>
            \(headers)
            </table>
            <p>This page is shown because the app runs in debug mode. Turn <code>DEBUG</code> off in production.</p>

            """
        return Response(status: .internalServerError, headers: HTTPHeaders.html, body: ResponseBody(string: page))
    }
}
