@testable import AsyncWebHTTP

/// The one table of llhttp strict cases this server judges differently, by
/// title, with the rules that make the difference.
///
/// Every rule is one an origin server must follow and llhttp, a parser
/// shared by clients, proxies and servers that also speaks RTSP and
/// Icecast's ICE, leaves to its user or does not apply.
enum LLHTTPExceptions {
    enum Difference: Equatable {
        /// RFC 9112 §3.2: a server MUST answer 400 to an HTTP/1.1 request
        /// without Host; llhttp leaves that to its user. The case is then
        /// replayed with a Host field supplied, and the rest of the table
        /// (or else llhttp's verdict) must hold for that replay, so the rule
        /// hides nothing else the case tests.
        case hostRequired
        /// RFC 9110 §9.1, §16.1: any token is a method, and an origin server
        /// lets the application answer 405 or 501; llhttp knows a fixed
        /// list (it has MKCOL but not MKCOLA, and ANNOUNCE only for RTSP).
        case extensionMethodAccepted
        /// RTSP/1.0 and ICE/1.0 are other protocols, which llhttp also
        /// parses; to an HTTP server they are malformed versions.
        case otherProtocolRefused
        /// RFC 9112 §3.2.4: the asterisk form is for OPTIONS only;
        /// `M-SEARCH *` is SSDP, HTTP over UDP multicast, not for a server.
        case asteriskFormOnlyWithOptions
        /// An HTTP/0.9 request line has no version; llhttp still parses it,
        /// this server does not speak 0.9.
        case http09Refused
        /// RFC 9112 §6.1: a server that does not implement a transfer coding
        /// answers 501. This server decodes chunked only; llhttp frames the
        /// body and leaves undoing deflate to its user.
        case onlyChunkedDecoded

        /// What the replay must come to where this rule applies.
        func isMet(by outcome: ConnectionReplay.Outcome) -> Bool {
            switch self {
            case .hostRequired: outcome == .rejected(.parse(.missingHost))
            case .extensionMethodAccepted: !outcome.isRejected
            case .otherProtocolRefused: outcome == .rejected(.parse(.invalidVersion))
            case .asteriskFormOnlyWithOptions: outcome == .rejected(.parse(.asteriskFormWithoutOptions))
            case .http09Refused: outcome == .rejected(.parse(.missingVersion))
            case .onlyChunkedDecoded: outcome == .rejected(.parse(.unsupportedTransferCoding))
            }
        }
    }

    static let table: [String: [Difference]] = [
        // connection.md
        "Setting flag": [.hostRequired],
        "Restarting when keep-alive is explicitly": [.hostRequired],
        "Setting flag on `close`": [.hostRequired],
        "Setting flag on `close` followed by tab": [.hostRequired],
        "Sample": [.hostRequired],
        "Multiple tokens with folding and LWS": [.hostRequired],
        "Setting a flag and pausing": [.hostRequired],
        "Emitting part of body and pausing": [.hostRequired],
        // content-length.md
        "`Content-Length` with zeroes": [.hostRequired],
        "`Content-Length` with follow-up headers": [.hostRequired],
        "Spaces in `Content-Length` (surrounding)": [.hostRequired],
        "Tabs in `Content-Length` (surrounding)": [.hostRequired],
        // invalid.md
        "HTTP protocol and ANNOUNCE method": [.extensionMethodAccepted],
        "Invalid method": [.hostRequired, .extensionMethodAccepted],
        // method.md
        "REPORT request": [.hostRequired],
        "M-SEARCH request": [.asteriskFormOnlyWithOptions],
        "SOURCE request with ICE": [.otherProtocolRefused],
        "OPTIONS request with RTSP": [.otherProtocolRefused],
        "ANNOUNCE request with RTSP": [.otherProtocolRefused],
        // pipelining.md
        "Should parse multiple events": [.hostRequired],
        // sample.md
        "Simple request": [.hostRequired],
        "Request with method starting with `H`": [.hostRequired],
        "DUMBPACK": [.hostRequired],
        "No headers and no body": [.hostRequired],
        "One header and no body": [.hostRequired],
        "Prefix newline": [.hostRequired],
        "No HTTP version": [.http09Refused],
        "Request starting with CRLF": [.hostRequired],
        "Extended Characters": [.hostRequired],
        "255 ASCII in header value": [.hostRequired],
        // transfer-encoding.md
        "Parsing and setting flag": [.hostRequired],
        "Parse chunks with lowercase size": [.hostRequired],
        "Parse chunks with uppercase size": [.hostRequired],
        "POST with `Transfer-Encoding: chunked`": [.hostRequired],
        "Two chunks and triple zero prefixed end chunk": [.hostRequired],
        "Trailing headers": [.hostRequired],
        "Chunk extensions": [.hostRequired],
        "Chunk extensions quoting": [.hostRequired],
        "Unbalanced chunk extensions quoting": [.hostRequired],
        "POST with `chunked` as last transfer-encoding": [.onlyChunkedDecoded],
        "POST with `chunked` as last transfer-encoding (multiple headers)": [.onlyChunkedDecoded],
        "Missing last-chunk": [.hostRequired],
        "Validate chunk parameters": [.hostRequired],
        "Space after chunk header": [.hostRequired],
        // uri.md
        "Quotes in URI": [.hostRequired],
        "Query URL with question mark": [.hostRequired],
        "Host terminated by a query string": [.hostRequired],
        "`host:port` terminated by a query string": [.hostRequired],
        "Query URL with vertical bar character": [.hostRequired],
        "`host:port` terminated by a space": [.hostRequired],
        "Fragment in URI": [.hostRequired],
        "`host:port` and basic auth": [.hostRequired],
    ]
}
