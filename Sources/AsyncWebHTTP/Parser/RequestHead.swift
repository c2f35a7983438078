/// A parsed request head: the one copy of its bytes, with the method, the
/// target and the header fields kept as ranges into them, and the framing
/// decisions made while parsing.
///
/// Everything is decided once by `RequestHeadParser`; reading a property
/// costs no parsing. Text accessors build a `Substring` only when asked.
///
/// ```swift
/// let head = try parser.parse(buffer)!
/// if head.method == .get, head.path == "/" { … }
/// let agent = head.value(forHeader: "User-Agent")
/// ```
struct RequestHead: Sendable {
    /// Where one header field's name and value lie in `bytes`; the value is
    /// without its surrounding whitespace.
    struct FieldRanges: Sendable, Hashable {
        var name: Range<Int>
        var value: Range<Int>
    }

    /// The head exactly as received, from the first byte (empty lines before
    /// the request line included) to the CRLF of the blank line.
    let bytes: [UInt8]
    let method: HTTPMethod
    let version: HTTPVersion
    let targetForm: RequestTargetForm
    /// Where the body ends; decides where the next request starts.
    let bodyFraming: BodyFraming
    /// Whether the connection stays open after this request: by default in
    /// HTTP/1.1 unless `Connection: close`, in HTTP/1.0 only with
    /// `Connection: keep-alive`.
    let keepAlive: Bool
    /// Whether the client waits for `100 Continue` before sending the body
    /// (`Expect: 100-continue` in an HTTP/1.1 request).
    let expectsContinue: Bool

    /// Where the request-target, its path and its query lie in `bytes`.
    let targetRange: Range<Int>
    let pathRange: Range<Int>
    let queryRange: Range<Int>?
    /// Every header field in the order received.
    let fields: [FieldRanges]

    /// How many bytes of the connection's input the head took; the body, or
    /// the next request, starts right after them.
    var byteCount: Int { bytes.count }

    /// The request-target as sent: `/search?q=swift`, `http://example.com/`,
    /// `example.com:443` or `*`.
    var target: Substring {
        text(targetRange)
    }

    /// The path of the target, before `?` and still percent-encoded:
    /// `/search`. An absolute target without a path (`http://example.com`)
    /// has the path `/`; for the authority and asterisk forms it is the
    /// whole target.
    var path: Substring {
        pathRange.isEmpty ? "/" : text(pathRange)
    }

    /// The query after the first `?`, without the `?`; nil if there is no `?`.
    var query: Substring? {
        queryRange.map(text)
    }

    /// The bytes in `range` as text. The target holds ASCII only; a field
    /// value's obs-text bytes that are not UTF-8 become U+FFFD.
    func text(_ range: Range<Int>) -> Substring {
        Substring(String(decoding: bytes[range], as: UTF8.self))
    }
}
