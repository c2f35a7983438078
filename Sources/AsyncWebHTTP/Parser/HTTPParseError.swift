/// Why a request could not be parsed, and the status to answer it with.
///
/// The connection writes `status` and `reason` into a short error page and
/// closes: after a framing error nothing that follows on the connection can
/// be trusted to start a new request.
///
/// ```swift
/// do { head = try parser.parse(buffer) } catch { respond(status: error.status, body: error.reason) }
/// ```
struct HTTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status code of the answer: 400, 413, 414, 417, 431, 501 or 505.
    let status: Int
    /// A short sentence for the error page and the log, naming what was wrong.
    let reason: String

    var description: String { "\(status) \(reason)" }
}

// MARK: - Request line

extension HTTPParseError {
    static let invalidMethod = HTTPParseError(status: 400, reason: "Invalid character in method")
    static let invalidTarget = HTTPParseError(status: 400, reason: "Invalid character in request target")
    static let invalidVersion = HTTPParseError(status: 400, reason: "Invalid HTTP version")
    static let missingVersion = HTTPParseError(
        status: 400, reason: "Request line without an HTTP version (HTTP/0.9 is not supported)")
    static let unsupportedVersion = HTTPParseError(status: 505, reason: "HTTP version not supported")
    static let requestLineTooLong = HTTPParseError(status: 414, reason: "Request line too long")
    static let asteriskFormWithoutOptions = HTTPParseError(
        status: 400, reason: "The request target * is only allowed with OPTIONS")
    static let connectWithoutAuthority = HTTPParseError(
        status: 400, reason: "CONNECT needs a host:port request target")
    static let invalidAbsoluteForm = HTTPParseError(
        status: 400, reason: "Request target must be a /path, an http(s) URI, host:port for CONNECT or * for OPTIONS")
}

// MARK: - Lines and field syntax

extension HTTPParseError {
    static let bareLineFeed = HTTPParseError(status: 400, reason: "Line ends with LF alone; HTTP needs CRLF")
    static let bareCarriageReturn = HTTPParseError(status: 400, reason: "CR not followed by LF")
    static let invalidHeaderName = HTTPParseError(status: 400, reason: "Invalid character in header name")
    static let emptyHeaderName = HTTPParseError(status: 400, reason: "Empty header name")
    static let headerLineWithoutColon = HTTPParseError(status: 400, reason: "Header line without a colon")
    static let whitespaceBeforeColon = HTTPParseError(
        status: 400, reason: "Whitespace between header name and colon")
    static let obsoleteLineFolding = HTTPParseError(
        status: 400, reason: "Header line starts with whitespace (obsolete line folding)")
    static let invalidHeaderValue = HTTPParseError(status: 400, reason: "Invalid character in header value")
    static let headerFieldsTooLarge = HTTPParseError(status: 431, reason: "Request header fields too large")
    static let tooManyHeaderFields = HTTPParseError(status: 431, reason: "Too many header fields")
}

// MARK: - Fields the parser interprets

extension HTTPParseError {
    static let invalidContentLength = HTTPParseError(status: 400, reason: "Invalid Content-Length")
    static let contentLengthOverflow = HTTPParseError(status: 400, reason: "Content-Length too large to represent")
    static let duplicateContentLength = HTTPParseError(status: 400, reason: "More than one Content-Length")
    static let contentLengthWithTransferEncoding = HTTPParseError(
        status: 400, reason: "Both Content-Length and Transfer-Encoding")
    static let transferEncodingInHTTP10 = HTTPParseError(
        status: 400, reason: "Transfer-Encoding in an HTTP/1.0 request")
    static let chunkedNotFinal = HTTPParseError(
        status: 400, reason: "Transfer-Encoding must end with chunked, applied once")
    static let unsupportedTransferCoding = HTTPParseError(
        status: 501, reason: "Transfer codings other than chunked are not supported")
    static let missingHost = HTTPParseError(status: 400, reason: "HTTP/1.1 request without a Host header")
    static let duplicateHost = HTTPParseError(status: 400, reason: "More than one Host header")
    static let invalidHost = HTTPParseError(status: 400, reason: "Invalid Host header")
    static let unsupportedExpectation = HTTPParseError(
        status: 417, reason: "Only the expectation 100-continue is supported")
}

// MARK: - Chunked bodies

extension HTTPParseError {
    static let invalidChunkSize = HTTPParseError(status: 400, reason: "Invalid chunk size")
    static let chunkSizeOverflow = HTTPParseError(status: 400, reason: "Chunk size too large to represent")
    static let invalidChunkExtension = HTTPParseError(status: 400, reason: "Invalid chunk extension")
    static let chunkLineTooLong = HTTPParseError(status: 400, reason: "Chunk size line too long")
    static let chunkDataWithoutCRLF = HTTPParseError(status: 400, reason: "Chunk data not followed by CRLF")
    static let bodyTooLarge = HTTPParseError(status: 413, reason: "Request body too large")
    static let trailerFieldsTooLarge = HTTPParseError(status: 431, reason: "Trailer fields too large")
}
