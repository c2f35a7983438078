/// How large a request head may grow before the parser refuses it.
///
/// The parser checks these while bytes arrive, not once the head is
/// complete, so a client cannot make the server buffer an endless line.
///
/// ```swift
/// var parser = RequestHeadParser(limits: HTTPParserLimits(maxHeaderBytes: 32 * 1024))
/// ```
struct HTTPParserLimits: Sendable, Equatable {
    /// The longest request line, method to version without the CRLF;
    /// longer ones get 414. Default 8 KiB, the size most servers and
    /// proxies accept, so any URL a browser sends through them fits.
    var maxRequestLineLength: Int

    /// The largest whole head, from its first byte (empty lines before the
    /// request line included) to the blank line that ends it; larger heads
    /// get 431. Default 16 KiB, room for large cookies.
    var maxHeaderBytes: Int

    /// The most header fields in one head; more get 431. Default 100.
    var maxHeaderCount: Int

    init(maxRequestLineLength: Int = 8 * 1024, maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100) {
        precondition(maxRequestLineLength > 0 && maxHeaderBytes > 0 && maxHeaderCount >= 0,
                     "HTTPParserLimits must be positive")
        self.maxRequestLineLength = maxRequestLineLength
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
    }
}
