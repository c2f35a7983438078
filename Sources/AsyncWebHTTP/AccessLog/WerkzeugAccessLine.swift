internal import IOUring

/// A line of Werkzeug's development-server log (`WSGIRequestHandler.log_request`):
/// ```
/// 127.0.0.1 - - [06/Dec/2026 10:00:00] "GET / HTTP/1.1" 200 -
/// ```
/// With colours, the request line is wrapped in the ANSI styles Werkzeug's `_ansi_style`
/// gives the status. A request that did not parse gets the line `http.server`'s `send_error`
/// logs first: `127.0.0.1 - - [06/Dec/2026 10:00:00] code 400, message Invalid HTTP version`.
enum WerkzeugAccessLine {
    /// Appends the entry's line (two for a request that did not parse), each ending in `\n`.
    static func append(_ entry: AccessLogEntry, time: [UInt8], colors: Bool, to output: IOBuffer) {
        if let reason = entry.parseError {
            appendPrefix(client: entry.client, time: time, to: output)
            output.append("code ")
            output.appendDecimal(entry.status)
            output.append(", message ")
            output.append(reason)
            output.append(0x0A)
        }
        appendPrefix(client: entry.client, time: time, to: output)
        output.append(0x22)
        let style = colors ? styleCodes(for: entry.status) : []
        for code in style.reversed() {
            output.append("\u{1B}[")
            output.appendDecimal(code)
            output.append(0x6D)
        }
        if let target = entry.requestLine.target {
            WerkzeugLoggedText.appendParsedLine(entry.requestLine, target: target, to: output)
        } else {
            WerkzeugLoggedText.appendUnparsedLine(entry.requestLine.bytes, to: output)
        }
        if !style.isEmpty { output.append("\u{1B}[0m") }
        output.append("\" ")
        output.appendDecimal(entry.status)
        output.append(" -\n")
    }

    /// `127.0.0.1 - - [06/Dec/2026 10:00:00] `.
    private static func appendPrefix(client: [UInt8], time: [UInt8], to output: IOBuffer) {
        output.append(contentsOf: client)
        output.append(" - - [")
        output.append(contentsOf: time)
        output.append("] ")
    }

    /// The SGR codes `log_request` styles a request line with, in the order it names them
    /// (`_ansi_style` nests them, so the last named comes first in the output).
    static func styleCodes(for status: Int) -> [Int] {
        switch status {
        case 100..<200: [1]
        case 200: []
        case 304: [36]
        case 300..<400: [32]
        case 404: [33]
        case 400..<500: [1, 31]
        default: [1, 35]
        }
    }
}
