/// The strict, incremental parser of request heads (RFC 9112 §2–§6).
///
/// Give it every byte of the current request received so far, from the
/// request's first byte, each time more arrive. It remembers how far it has
/// scanned and only looks at the new bytes, so a head that trickles in a
/// byte at a time still costs time linear in its length. It keeps offsets,
/// never pointers, so the caller may grow or move its buffer in between.
///
/// ```swift
/// var parser = RequestHeadParser(limits: HTTPParserLimits())
/// while true {
///     received.append(contentsOf: try await socket.receive())
///     if let head = try received.withUnsafeBytes({ try parser.parse($0) }) {
///         received.removeFirst(head.byteCount)   // the body starts here
///         break
///     }
/// }
/// ```
///
/// Limits are enforced as bytes arrive: a request line passing
/// `maxRequestLineLength` gets 414 and a head passing `maxHeaderBytes` gets
/// 431 at once, without waiting for a line end.
struct RequestHeadParser: Sendable {
    let limits: HTTPParserLimits

    private var position = 0
    private var requestLineScanner: RequestLineScanner
    private var requestLine: RequestLineScanner.RequestLine?
    private var method = HTTPMethod.get
    private var targetLayout: RequestTargetLayout?
    private var fieldScanner = FieldLineScanner()
    private var rules = HeaderFieldRules(version: .http1_1)
    private var currentName = 0..<0
    /// Kept at its capacity from request to request, so a head costs one
    /// allocation for its fields instead of one per doubling.
    private var fields: [RequestHead.FieldRanges] = []

    init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
        requestLineScanner = RequestLineScanner(maxLength: limits.maxRequestLineLength)
    }

    /// Scans the bytes that arrived since the last call.
    ///
    /// - Parameter bytes: every byte of the current request received so
    ///   far, from its first byte; may run past the head into the body.
    /// - Returns: the head once complete, or nil when more bytes are
    ///   needed. After returning a head the parser is ready for the next
    ///   request, whose first byte is `bytes[head.byteCount]`.
    /// - Throws: `HTTPParseError` with the status to answer; the connection
    ///   must then be closed, as nothing after the error can be framed.
    mutating func parse(_ bytes: UnsafeRawBufferPointer) throws(HTTPParseError) -> RequestHead? {
        precondition(bytes.count >= position, "parse(_:) needs every byte of the request received so far")
        let end = min(bytes.count, limits.maxHeaderBytes)
        if requestLine == nil {
            guard let line = try requestLineScanner.scan(bytes, from: &position, to: end) else {
                return try moreBytesNeeded()
            }
            try requestLineEnded(bytes, line)
        }
        while true {
            let event: FieldLineScanner.Event?
            do {
                event = try fieldScanner.scan(bytes, from: &position, to: end)
            } catch {
                // A value byte before the one that failed may already be
                // wrong for its field; reporting it keeps the error the same
                // however the bytes were split into calls.
                try valueContinues(bytes)
                throw error
            }
            switch event {
            case .nameEnded(let colon):
                try nameEnded(bytes, colon: colon)
            case .lineEnded(let carriageReturn):
                try lineEnded(bytes, carriageReturn: carriageReturn)
            case .sectionEnded:
                return try headEnded(bytes)
            case nil:
                try valueContinues(bytes)
                return try moreBytesNeeded()
            }
        }
    }

    /// Forgets a partly scanned head, ready for a request starting afresh.
    mutating func reset() {
        position = 0
        requestLineScanner = RequestLineScanner(maxLength: limits.maxRequestLineLength)
        requestLine = nil
        targetLayout = nil
        fieldScanner = FieldLineScanner()
        fields.removeAll(keepingCapacity: true)
    }

    private func moreBytesNeeded() throws(HTTPParseError) -> RequestHead? {
        // Every byte the head may have was scanned and it is still not
        // complete: no further byte can complete it within the limit.
        if position >= limits.maxHeaderBytes { throw .headerFieldsTooLarge }
        return nil
    }

    /// Lets the rules see the current value's bytes scanned so far.
    private mutating func valueContinues(_ bytes: UnsafeRawBufferPointer) throws(HTTPParseError) {
        if let valueEnd = fieldScanner.valueEnd(at: position) {
            try rules.valueContinues(bytes, upTo: valueEnd)
        }
    }

    private mutating func requestLineEnded(
        _ bytes: UnsafeRawBufferPointer, _ line: RequestLineScanner.RequestLine
    ) throws(HTTPParseError) {
        method = HTTPMethod(token: UnsafeRawBufferPointer(rebasing: bytes[line.method]))
        targetLayout = try RequestTargetLayout(bytes: bytes, target: line.target, method: method)
        rules = HeaderFieldRules(version: line.version)
        requestLine = line
    }

    private mutating func nameEnded(_ bytes: UnsafeRawBufferPointer, colon: Int) throws(HTTPParseError) {
        guard fields.count < limits.maxHeaderCount else { throw .tooManyHeaderFields }
        currentName = fieldScanner.nameStart..<colon
        try rules.nameEnded(UnsafeRawBufferPointer(rebasing: bytes[currentName]), valueStart: colon + 1)
    }

    private mutating func lineEnded(_ bytes: UnsafeRawBufferPointer, carriageReturn: Int) throws(HTTPParseError) {
        let start = fieldScanner.valueStart
        var end = carriageReturn
        while end > start, HTTPByteClass.of(bytes[end - 1]).contains(.whitespace) {
            end -= 1
        }
        try rules.valueEnded(bytes, raw: start..<carriageReturn, trimmed: start..<end)
        fields.append(RequestHead.FieldRanges(name: currentName, value: start..<end))
    }

    private mutating func headEnded(_ bytes: UnsafeRawBufferPointer) throws(HTTPParseError) -> RequestHead {
        guard let requestLine, let targetLayout else {
            preconditionFailure("the field section ended before the request line")
        }
        let outcome = try rules.outcome()
        let head = RequestHead(
            bytes: Array(UnsafeRawBufferPointer(rebasing: bytes[..<position])),
            method: method,
            version: requestLine.version,
            targetForm: targetLayout.form,
            bodyFraming: outcome.bodyFraming,
            keepAlive: outcome.keepAlive,
            expectsContinue: outcome.expectsContinue,
            targetRange: requestLine.target,
            pathRange: targetLayout.path,
            queryRange: targetLayout.query,
            fields: fields)
        reset()
        return head
    }
}
