internal import AsyncWebEncoding

/// The HTML page for an error status, the same markup Werkzeug sends.
///
/// ```html
/// <!doctype html>
/// <html lang=en>
/// <title>404 Not Found</title>
/// <h1>Not Found</h1>
/// <p>The requested URL was not found on the server. …</p>
/// ```
package enum ErrorPage {
    /// A complete error response: status, `text/html; charset=utf-8`, and the page.
    package static func response(for status: HTTPStatus, message: String? = nil, headers: HTTPHeaders = [:]) -> Response {
        var response = Response(status: status, headers: headers, body: ResponseBody(string: html(for: status, message: message)))
        response.headers["Content-Type"] = "text/html; charset=utf-8"
        return response
    }

    package static func html(for status: HTTPStatus, message: String? = nil) -> String {
        // Werkzeug escapes the message and shows its line breaks.
        let explanation = message.map { HTMLEscaping.escape($0).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>") }
            ?? description(for: status)
        return """
            <!doctype html>
            <html lang=en>
            <title>\(status.code) \(status.reasonPhrase)</title>
            <h1>\(status.reasonPhrase)</h1>
            <p>\(explanation)</p>

            """
    }

    /// Werkzeug's explanation of each status, HTML-escaped as Werkzeug prints it.
    package static func description(for status: HTTPStatus) -> String {
        switch status.code {
        case 400: "The browser (or proxy) sent a request that this server could not understand."
        case 401: "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn&#39;t understand how to supply the credentials required."
        case 403: "You don&#39;t have the permission to access the requested resource. It is either read-protected or not readable by the server."
        case 404: "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."
        case 405: "The method is not allowed for the requested URL."
        case 406: "The resource identified by the request is only capable of generating response entities which have content characteristics not acceptable according to the accept headers sent in the request."
        case 408: "The server closed the network connection because the browser didn&#39;t finish the request within the specified time."
        case 409: "A conflict happened while processing the request. The resource might have been modified while the request was being processed."
        case 410: "The requested URL is no longer available on this server and there is no forwarding address. If you followed a link from a foreign page, please contact the author of this page."
        case 411: "A request with this method requires a valid &lt;code&gt;Content-Length&lt;/code&gt; header."
        case 412: "The precondition on the request for the URL failed positive evaluation."
        case 413: "The data value transmitted exceeds the capacity limit."
        case 414: "The length of the requested URL exceeds the capacity limit for this server. The request cannot be processed."
        case 415: "The server does not support the media type transmitted in the request."
        case 416: "The server cannot provide the requested range."
        case 417: "The server could not meet the requirements of the Expect header"
        case 418: "This server is a teapot, not a coffee machine"
        case 421: "The server is not able to produce a response."
        case 422: "The request was well-formed but was unable to be followed due to semantic errors."
        case 423: "The resource that is being accessed is locked."
        case 424: "The method could not be performed on the resource because the requested action depended on another action and that action failed."
        case 428: "This request is required to be conditional; try using &#34;If-Match&#34; or &#34;If-Unmodified-Since&#34;."
        case 429: "This user has exceeded an allotted request count. Try again later."
        case 431: "One or more header fields exceeds the maximum size."
        case 451: "Unavailable for legal reasons."
        case 500: "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application."
        case 501: "The server does not support the action requested by the browser."
        case 502: "The proxy server received an invalid response from an upstream server."
        case 503: "The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later."
        case 504: "The connection to an upstream server timed out."
        case 505: "The server does not support the HTTP protocol version used in the request."
        default: ""
        }
    }
}
