/// The rules for the header fields the parser itself interprets: those that
/// frame the body (Content-Length, Transfer-Encoding, RFC 9112 §6), Host
/// (RFC 9112 §3.2), Connection (RFC 9112 §9.3) and Expect (RFC 9110 §10.1.1).
///
/// Conflicts are refused at the field that causes them, before the head is
/// complete: a second Content-Length, or Content-Length beside
/// Transfer-Encoding, is what request smuggling is made of.
struct HeaderFieldRules: Sendable {
    /// What the interpreted fields decided, once the head is complete.
    struct Outcome: Sendable {
        var bodyFraming: BodyFraming
        var keepAlive: Bool
        var expectsContinue: Bool
    }

    private enum Field: Sendable {
        case contentLength
        case transferEncoding
        case host
        case connection
        case expect
        case uninterpreted
    }

    private let version: HTTPVersion
    private var current = Field.uninterpreted
    private var contentLength: ContentLengthValue?
    private var contentLengthValue: Int?
    private var hasTransferEncoding = false
    private var hasChunked = false
    private var hasOtherCoding = false
    private var hasHost = false
    private var connectionClose = false
    private var connectionKeepAlive = false
    private var expectsContinue = false

    init(version: HTTPVersion) {
        self.version = version
    }

    /// Notes which field starts, given its name and where its value begins.
    mutating func nameEnded(_ name: UnsafeRawBufferPointer, valueStart: Int) throws(HTTPParseError) {
        current = Self.field(named: name)
        switch current {
        case .contentLength:
            guard contentLength == nil else { throw .duplicateContentLength }
            guard !hasTransferEncoding else { throw .contentLengthWithTransferEncoding }
            contentLength = ContentLengthValue(valueStart: valueStart)
        case .transferEncoding:
            guard version == .http1_1 else { throw .transferEncodingInHTTP10 }
            guard contentLength == nil else { throw .contentLengthWithTransferEncoding }
            hasTransferEncoding = true
        case .host:
            guard !hasHost else { throw .duplicateHost }
            hasHost = true
        case .connection, .expect, .uninterpreted:
            break
        }
    }

    /// Reads the part of the current value received so far, so a bad
    /// Content-Length is refused without waiting for its CRLF.
    mutating func valueContinues(_ bytes: UnsafeRawBufferPointer, upTo end: Int) throws(HTTPParseError) {
        if current == .contentLength {
            try contentLength?.read(bytes, upTo: end)
        }
    }

    /// Applies the current field's complete value. `raw` ends at the CR and
    /// keeps trailing OWS; `trimmed` is the value without OWS.
    mutating func valueEnded(
        _ bytes: UnsafeRawBufferPointer, raw: Range<Int>, trimmed: Range<Int>
    ) throws(HTTPParseError) {
        let value = UnsafeRawBufferPointer(rebasing: bytes[trimmed])
        switch current {
        case .contentLength:
            try contentLength?.read(bytes, upTo: raw.upperBound)
            contentLengthValue = try contentLength?.finish()
        case .transferEncoding:
            try FieldValueList(value).forEach { (coding) throws(HTTPParseError) in
                // Anything after chunked would have to be undone before the
                // chunks could be found, so chunked must come last, once.
                guard !hasChunked else { throw .chunkedNotFinal }
                if HTTPByte.equalsIgnoringCase(coding, "chunked") {
                    hasChunked = true
                } else {
                    hasOtherCoding = true
                }
            }
        case .host:
            guard value.allSatisfy({ HTTPByteClass.of($0).contains(.host) }) else { throw .invalidHost }
        case .connection:
            FieldValueList(value).forEach { option in
                if HTTPByte.equalsIgnoringCase(option, "close") {
                    connectionClose = true
                } else if HTTPByte.equalsIgnoringCase(option, "keep-alive") {
                    connectionKeepAlive = true
                }
            }
        case .expect:
            try FieldValueList(value).forEach { (expectation) throws(HTTPParseError) in
                guard HTTPByte.equalsIgnoringCase(expectation, "100-continue") else { throw .unsupportedExpectation }
                // An HTTP/1.0 client cannot understand 100 Continue (RFC 9110 §10.1.1).
                expectsContinue = version == .http1_1
            }
        case .uninterpreted:
            break
        }
        current = .uninterpreted
    }

    /// The framing, persistence and expectation of the complete head.
    func outcome() throws(HTTPParseError) -> Outcome {
        let framing: BodyFraming
        if hasTransferEncoding {
            guard hasChunked else { throw .chunkedNotFinal }
            guard !hasOtherCoding else { throw .unsupportedTransferCoding }
            framing = .chunked
        } else if let contentLengthValue {
            framing = .contentLength(contentLengthValue)
        } else {
            framing = .none
        }
        if version == .http1_1 && !hasHost {
            throw .missingHost
        }
        let keepAlive = !connectionClose && (version == .http1_1 || connectionKeepAlive)
        return Outcome(bodyFraming: framing, keepAlive: keepAlive, expectsContinue: expectsContinue)
    }

    private static func field(named name: UnsafeRawBufferPointer) -> Field {
        switch name.count {
        case 4 where HTTPByte.equalsIgnoringCase(name, "host"): .host
        case 6 where HTTPByte.equalsIgnoringCase(name, "expect"): .expect
        case 10 where HTTPByte.equalsIgnoringCase(name, "connection"): .connection
        case 14 where HTTPByte.equalsIgnoringCase(name, "content-length"): .contentLength
        case 17 where HTTPByte.equalsIgnoringCase(name, "transfer-encoding"): .transferEncoding
        default: .uninterpreted
        }
    }
}
