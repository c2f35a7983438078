/// What the access log records of one request, as views into the request's head: nothing is
/// copied or turned into a `String` until a line is formatted (but for input that did not
/// parse, which is copied out of the connection's buffer, rarely and briefly).
struct AccessLogEntry {
    /// The request line as the client sent it, without its CRLF.
    struct RequestLine {
        /// The line's bytes: a slice of the request head, or what arrived of a line that
        /// could not be parsed (empty when it was too long to be a line at all).
        var bytes: ArraySlice<UInt8>
        /// Where the target lies in `bytes`, for a line that parsed; nil for one that did not.
        var target: Range<Int>?

        /// The line of a parsed head: `method SP target SP version`, each part where the
        /// parser found it (after any empty lines the client sent first).
        init(head: RequestHead) {
            let versionEnd = head.targetRange.upperBound + 1 + 8
            bytes = head.bytes[HTTPByte.requestLineStart(in: head.bytes)..<versionEnd]
            target = head.targetRange
        }

        /// The first line of input that did not parse, as far as it arrived: from its first
        /// byte (after empty lines) to its CR or LF or the end of the input. Longer than
        /// `limit`, it is no line at all and logged empty, as Python's `http.server` logs a
        /// request line it found too long.
        init(unparsed input: UnsafeRawBufferPointer, limit: Int) {
            let start = HTTPByte.requestLineStart(in: input)
            var end = start
            while end < input.count, input[end] != HTTPByte.carriageReturn, input[end] != HTTPByte.lineFeed {
                end += 1
            }
            bytes = end - start > limit ? [] : ArraySlice(input[start..<end])
            target = nil
        }
    }

    /// The client's address as text (`127.0.0.1`, `::1`), formatted once per connection.
    var client: [UInt8]
    var requestLine: RequestLine
    /// The status code sent.
    var status: Int
    /// Bytes of the response body sent.
    var bodyByteCount: Int
    /// Why the request could not be parsed; nil for one that was.
    var parseError: String? = nil
    /// The `Referer` and `User-Agent` header values, for the combined format.
    var referer: ArraySlice<UInt8>? = nil
    var userAgent: ArraySlice<UInt8>? = nil
    /// From the head being read to the response being handed over, for the combined format.
    var duration: Duration? = nil
}
