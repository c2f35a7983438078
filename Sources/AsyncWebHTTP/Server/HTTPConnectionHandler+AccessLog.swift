/// A connection's lines in the access log: one per answered request, and one for input that
/// was no request, each made only when the server keeps a log.
extension HTTPConnectionHandler {
    /// Records an answered request.
    func logAccess(_ head: RequestHead, status: HTTPStatus, bodyByteCount: Int) {
        guard let accessLog else { return }
        var entry = AccessLogEntry(
            client: clientAddressForLog(), requestLine: AccessLogEntry.RequestLine(head: head), status: status.code,
            bodyByteCount: bodyByteCount)
        if accessLog.wantsRequestDetails {
            entry.referer = head.firstIndex(ofHeader: "Referer").map(head.headerValueBytes(at:))
            entry.userAgent = head.firstIndex(ofHeader: "User-Agent").map(head.headerValueBytes(at:))
            entry.duration = requestStart.map { .now - $0 }
        }
        accessLog.record(entry)
    }

    /// Records input refused before it made a request (it did not parse, or not in time),
    /// with its first line as far as it came.
    func logRefusedInput(
        _ input: UnsafeRawBufferPointer, limit: Int, status: HTTPStatus, bodyByteCount: Int, parseError: String?
    ) {
        guard let accessLog else { return }
        accessLog.record(AccessLogEntry(
            client: clientAddressForLog(), requestLine: AccessLogEntry.RequestLine(unparsed: input, limit: limit),
            status: status.code, bodyByteCount: bodyByteCount, parseError: parseError))
    }

    /// The client's address as text, formatted for the connection's first line and kept.
    private func clientAddressForLog() -> [UInt8] {
        if let loggedClientAddress { return loggedClientAddress }
        // Werkzeug shows a client without an address (a Unix socket) so.
        let text = Array((remoteAddress?.host ?? "<local>").utf8)
        loggedClientAddress = text
        return text
    }
}
