/// The four forms a request-target takes (RFC 9112 §3.2).
enum RequestTargetForm: Sendable, Hashable {
    /// `/path?query`, what clients send to an origin server.
    case origin
    /// `http://host/path?query` (or https), what clients send to proxies;
    /// servers must accept it too (RFC 9112 §3.2.2).
    case absolute
    /// `host:port`, only for CONNECT.
    case authority
    /// `*`, only for a server-wide OPTIONS.
    case asterisk
}

/// Which form a request-target has and where its path and query lie, found
/// once when the request line is read so `RequestHead.path` costs nothing.
///
/// The form must suit the method: `*` only with OPTIONS, `host:port` only
/// with (and always with) CONNECT. A fragment (`#…`), which clients should
/// not send but llhttp and most servers tolerate, is left out of both the
/// path and the query.
struct RequestTargetLayout: Sendable {
    let form: RequestTargetForm
    /// The path, as offsets into the head's bytes. Empty for an absolute
    /// URI without a path, which `RequestHead.path` reports as `/`.
    let path: Range<Int>
    /// The query after `?`, if there is a `?`.
    let query: Range<Int>?

    init(bytes: UnsafeRawBufferPointer, target: Range<Int>, method: HTTPMethod) throws(HTTPParseError) {
        let first = bytes[target.lowerBound]
        if method == .connect {
            guard Self.isAuthority(bytes, target) else { throw .connectWithoutAuthority }
            form = .authority
            path = target
            query = nil
        } else if first == HTTPByte.slash {
            form = .origin
            (path, query) = Self.splitPathAndQuery(bytes, target)
        } else if first == HTTPByte.asterisk && target.count == 1 {
            guard method == .options else { throw .asteriskFormWithoutOptions }
            form = .asterisk
            path = target
            query = nil
        } else {
            guard let pathStart = Self.pathStartOfHTTPURI(bytes, target) else { throw .invalidAbsoluteForm }
            form = .absolute
            (path, query) = Self.splitPathAndQuery(bytes, pathStart..<target.upperBound)
        }
    }

    /// `uri-host ":" port` (RFC 9110 §9.3.6), with a non-empty host and port.
    private static func isAuthority(_ bytes: UnsafeRawBufferPointer, _ target: Range<Int>) -> Bool {
        var colon = target.upperBound - 1
        while colon >= target.lowerBound, HTTPByte.isDigit(bytes[colon]) {
            colon -= 1
        }
        guard colon > target.lowerBound, colon < target.upperBound - 1, bytes[colon] == HTTPByte.colon else {
            return false
        }
        return (target.lowerBound..<colon).allSatisfy { HTTPByteClass.of(bytes[$0]).contains(.host) }
    }

    /// Where the path starts in an `http://` or `https://` URI with a
    /// non-empty authority, or nil for any other target: an origin server
    /// serves only http(s) URIs, and RFC 9110 §4.2.1 makes an empty host invalid.
    private static func pathStartOfHTTPURI(_ bytes: UnsafeRawBufferPointer, _ target: Range<Int>) -> Int? {
        let uri = UnsafeRawBufferPointer(rebasing: bytes[target])
        let prefixLength: Int
        if uri.count > 7, HTTPByte.equalsIgnoringCase(UnsafeRawBufferPointer(rebasing: uri[..<7]), "http://") {
            prefixLength = 7
        } else if uri.count > 8, HTTPByte.equalsIgnoringCase(UnsafeRawBufferPointer(rebasing: uri[..<8]), "https://") {
            prefixLength = 8
        } else {
            return nil
        }
        var index = prefixLength
        while index < uri.count {
            let byte = uri[index]
            if byte == HTTPByte.slash || byte == HTTPByte.questionMark || byte == HTTPByte.numberSign { break }
            index += 1
        }
        return index > prefixLength ? target.lowerBound + index : nil
    }

    /// Splits `path [ "?" query ] [ "#" fragment ]` at the first `?`.
    private static func splitPathAndQuery(
        _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>
    ) -> (path: Range<Int>, query: Range<Int>?) {
        var fragment = range.upperBound
        var questionMark: Int?
        for index in range {
            let byte = bytes[index]
            if byte == HTTPByte.numberSign {
                fragment = index
                break
            }
            if byte == HTTPByte.questionMark && questionMark == nil {
                questionMark = index
            }
        }
        guard let questionMark else { return (range.lowerBound..<fragment, nil) }
        return (range.lowerBound..<questionMark, (questionMark + 1)..<fragment)
    }
}
