internal import AsyncWebEncoding

/// The page an unhandled error gets in debug mode, instead of the terse production 500:
/// the error and where it was made, the route and where it was registered, the call
/// stack, the request, and the config with its secrets masked. Never shown unless `DEBUG`
/// is on: it reveals internals.
///
/// It is a page to read, not a console: nothing on it runs code, unlike Werkzeug's
/// debugger, whose console executes Python in the server behind a PIN.
struct DebugErrorPage {
    let error: any Error
    let request: Request
    /// The request's context, for its route, form and session.
    let context: RequestContext?
    let setup: AppSetup

    /// Whether `error`, whose HTTP answer is `httpError`, gets the debug page in debug mode:
    /// whatever Flask hands to Werkzeug's debugger. That is any error that answers 500, and
    /// the HTTP errors Flask traps: a missing form or query key (unless
    /// `TRAP_BAD_REQUEST_ERRORS` is false), every 400 when `TRAP_BAD_REQUEST_ERRORS` is
    /// true, every HTTP error when `TRAP_HTTP_EXCEPTIONS` is.
    static func shows(_ error: any Error, answering httpError: HTTPError, config: Config) -> Bool {
        if httpError.status == .internalServerError || config["TRAP_HTTP_EXCEPTIONS"]?.bool == true { return true }
        switch config["TRAP_BAD_REQUEST_ERRORS"]?.bool {
        case nil: return error is BadRequestKeyError
        case let trapsBadRequests?: return trapsBadRequests && httpError.status == .badRequest
        }
    }

    /// The page, with status 500 as Werkzeug's debugger answers.
    func response() async -> Response {
        let type = Self.html(String(reflecting: Swift.type(of: error)))
        let page = """
            <!doctype html>
            <html lang=en>
            <meta charset=utf-8>
            <title>\(type) // AsyncWeb Debugger</title>
            <style>\(Self.style)</style>
            <h1>\(type)</h1>
            <pre class=message>\(Self.html(String(reflecting: error)))</pre>
            \(originSection)
            \(routeSection)
            \(await callStackSection)
            \(await requestSection)
            \(configSection)
            <footer>
            <p>This page is shown because the app runs in debug mode (<code>DEBUG</code>). It only shows: nothing on
            it runs code, unlike Werkzeug's debugger console. Never turn <code>DEBUG</code> on in production: the page
            reveals the app's internals.
            </footer>

            """
        return Response(status: .internalServerError, headers: HTTPHeaders.html, body: ResponseBody(string: page))
    }

    private static let style = """
        body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em; color: #222; line-height: 1.4 }
        h1 { color: #b00; margin-bottom: .3em } h2 { border-bottom: 1px solid #ddd; margin-top: 1.6em } h3 { margin-bottom: .3em }
        pre, code, td { font-family: ui-monospace, monospace; font-size: .92em }
        pre.message { background: #fbeeee; border-left: 4px solid #b00; padding: 1em; white-space: pre-wrap }
        table { border-collapse: collapse } th, td { text-align: left; vertical-align: top; padding: .15em 1em .15em 0 }
        th { font-weight: 600; white-space: nowrap } td { word-break: break-all }
        ol.stack { font-family: ui-monospace, monospace; font-size: .92em; padding-left: 2.5em }
        ol.stack li { margin: .2em 0 } ol.stack .at { color: #555 } ol.stack .runtime { color: #999 } ol.stack .site { font-weight: 600 }
        .none { color: #777; font-style: italic } footer { margin-top: 2em; color: #555; border-top: 1px solid #ddd }
        """

    /// `text` escaped for HTML.
    static func html(_ text: some StringProtocol) -> String {
        HTMLEscaping.escape(String(text))
    }

    /// A table of names and values, escaped; `none` when there are no rows.
    static func table(_ rows: [(name: String, value: String)], none: String) -> String {
        guard !rows.isEmpty else { return "<p class=none>\(html(none))</p>" }
        let cells = rows.map { "<tr><th>\(html($0.name))</th><td>\(html($0.value))</td></tr>" }
        return "<table>\n\(cells.joined(separator: "\n"))\n</table>"
    }
}
