internal import IOUring
internal import Logging

/// Serves the requests of one connection, in order, on the connection's reactor.
///
/// Responses go into one output buffer and are sent when the handler would otherwise wait
/// for the client: pipelined requests already received are answered first, so their
/// responses leave in one send. A streamed body is sent chunk by chunk as it is written.
///
/// A connection whose client stays quiet for ``ServerConfiguration/parkIdleConnectionAfter``
/// parks: its task ends (a task keeps the stack memory of the deepest request it served)
/// and the socket alone waits, until the client speaks again and a new task takes over.
final class HTTPConnectionHandler: @unchecked Sendable {
    private let connection: any HTTPTransport
    private let configuration: ServerConfiguration
    private let responder: any HTTPResponder
    private let logger: Logger
    private let onClose: @Sendable (HTTPConnectionHandler) -> Void
    /// The reactor's share of the access log; nil when requests are not logged.
    let accessLog: AccessLogSink?
    /// The client's address as the access log shows it, made for the connection's first line.
    var loggedClientAddress: [UInt8]?
    /// When the request being answered was read, for a log that shows durations.
    var requestStart: ContinuousClock.Instant?
    private let output = IOBuffer(capacity: 16 * 1024)
    let remoteAddress: SocketAddress?
    private var parser: RequestHeadParser
    private var dates = DateHeaderCache()
    /// The task serving the connection; nil while parked.
    private var task: Task<Void, Never>?

    /// True while waiting for the first byte of a request: the connection can be closed
    /// at shutdown without cutting anything off.
    private(set) var isIdle = true
    /// Set at shutdown: finish the current request, then close.
    var closeAfterCurrentRequest = false
    /// True until the client's first bytes arrive or the connection parks. At shutdown such a
    /// connection is not closed as idle while it waits for them (for
    /// ``ServerConfiguration/parkIdleConnectionAfter`` at most): its client connected to send a
    /// request, likely on its way already, and closing it would refuse a client that was
    /// accepted, perhaps from a listening socket the next server process would have answered on.
    private var isNew = true

    /// What comes next on the connection, once the previous response is written.
    private enum NextStep {
        case respond(RequestHead)
        case park
        case close
    }

    /// - Parameters:
    ///   - accessLog: where the connection's requests are logged; nil for no log.
    ///   - onClose: called once, on the reactor, after the connection has closed.
    init(
        connection: any HTTPTransport, configuration: ServerConfiguration, responder: any HTTPResponder, logger: Logger,
        accessLog: AccessLogSink?, onClose: @escaping @Sendable (HTTPConnectionHandler) -> Void
    ) {
        self.connection = connection
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.accessLog = accessLog
        self.onClose = onClose
        remoteAddress = connection.remoteAddress
        parser = RequestHeadParser(limits: configuration.parserLimits)
    }

    /// Starts serving on a task of the connection's reactor.
    func start() {
        task = Task(executorPreference: connection.reactor) { await self.serve() }
    }

    /// Closes the connection if it sits between requests; the serving loop then ends.
    func closeIfIdle() {
        closeAfterCurrentRequest = true
        if isIdle && !isNew { connection.close() }
    }

    /// Cancels the request in progress, if any (the shutdown grace period is over).
    func cancel() {
        task?.cancel()
    }

    private func serve() async {
        let parks = await serveRequests()
        task = nil
        if parks {
            park()
        } else {
            finish()
        }
    }

    /// Answers requests until the connection must close (false) or parks (true).
    private func serveRequests() async -> Bool {
        do {
            while true {
                switch try await nextStep() {
                case .respond(let head):
                    guard try await respond(to: head) else {
                        try await flush()
                        return false
                    }
                case .park:
                    return true
                case .close:
                    try await flush()
                    return false
                }
            }
        } catch {
            logger.debug("connection ended", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// Waits for the client without a task, for what is left of the idle timeout.
    private func park() {
        // Silent for so long, it is no client about to send its first request.
        isNew = false
        connection.whenReceiveReady(timeout: configuration.idleTimeout - configuration.parkIdleConnectionAfter) { [self] readiness in
            if readiness == .ready && !closeAfterCurrentRequest {
                start()
            } else {
                finish()
            }
        }
    }

    private func finish() {
        connection.close()
        onClose(self)
    }

    // MARK: Reading the head

    private func nextStep() async throws -> NextStep {
        parser.reset()
        let inbound = connection.inbound
        var headDeadline: ContinuousClock.Instant?
        while true {
            if inbound.readableCount > 0 {
                isIdle = false
                isNew = false
                do {
                    if let head = try parser.parse(inbound.readableBytes) {
                        connection.consume(head.byteCount)
                        return .respond(head)
                    }
                } catch {
                    try await refuseInput(HTTPStatus(error.status), parseError: error.reason)
                    return .close
                }
            }
            try await flush()
            isIdle = inbound.readableCount == 0
            if isIdle && closeAfterCurrentRequest && !isNew { return .close }
            let timeout: Duration
            if isIdle {
                // Between requests a connection holds no buffer: thousands of idle keep-alive
                // clients then cost little more than their sockets.
                inbound.releaseStorage()
                output.releaseStorage()
                timeout = min(configuration.idleTimeout, configuration.parkIdleConnectionAfter)
            } else {
                let now = ContinuousClock.now
                let deadline = headDeadline ?? now + configuration.headerReadTimeout
                headDeadline = deadline
                // A head still unfinished at its deadline is late, however recently the
                // last byte came: answer 408 now rather than wait a zero or negative time.
                guard deadline > now else {
                    try await refuseInput(.requestTimeout)
                    return .close
                }
                timeout = deadline - now
            }
            do {
                guard try await connection.receive(timeout: timeout) else { return .close }
            } catch is IOTimeoutError {
                if !isIdle {
                    try await refuseInput(.requestTimeout)
                    return .close
                }
                let parks = configuration.parkIdleConnectionAfter < configuration.idleTimeout && !closeAfterCurrentRequest
                return parks ? .park : .close
            }
        }
    }

    // MARK: Answering

    /// Unread body bytes skipped after a response so the connection can carry on; past
    /// this it is cheaper to close than to read what nobody wants.
    private static let unreadBodyDiscardLimit = 256 * 1024

    /// Answers one request; false when the connection must close afterwards.
    private func respond(to head: RequestHead) async throws -> Bool {
        if accessLog?.wantsRequestDetails == true { requestStart = .now }
        if case .contentLength(let length) = head.bodyFraming, let limit = configuration.maxBodySize, length > limit {
            // Refused before reading: the client may not send the body at all (100-continue).
            let bodyByteCount = appendErrorPage(.contentTooLarge, answeringHEAD: head.method == .head)
            logAccess(head, status: .contentTooLarge, bodyByteCount: bodyByteCount)
            try await flush()
            return false
        }
        let reader = makeBodyReader(for: head)
        let request = Request(
            head: head,
            body: reader.map { RequestBody(reader: $0, reactor: connection.reactor) } ?? .empty,
            peer: remoteAddress, tls: connection.tlsSession)

        var response: Response
        do {
            response = try await responder.respond(to: request)
        } catch {
            response = errorResponse(for: error, request: request)
        }

        // Read after the handler: shutdown may have begun while it ran.
        var keepAlive = head.keepAlive && !closeAfterCurrentRequest
        if let reader, !reader.isComplete {
            // A body that was refused, broken or never asked for (100-continue) is not coming
            // whole, so the connection cannot carry another request; a small leftover is skipped.
            let skippable = !reader.failed && reader.continueState != .pending
            if !skippable {
                keepAlive = false
            } else if !(await reader.discardRemaining(limit: Self.unreadBodyDiscardLimit)) {
                keepAlive = false
            }
        }
        return try await write(response, for: head, keepAlive: keepAlive)
    }

    /// The reader of the request's body; nil when it has none, the common case.
    private func makeBodyReader(for head: RequestHead) -> BodyReader? {
        if case .none = head.bodyFraming { return nil }
        return BodyReader(
            connection: connection, framing: head.bodyFraming, maxBodySize: configuration.maxBodySize,
            timeout: configuration.bodyReadTimeout, expectsContinue: head.expectsContinue,
            sendContinue: { [unowned self] in
                output.append(contentsOf: "HTTP/1.1 100 Continue\r\n\r\n".utf8)
                try await flush()
            })
    }

    private func errorResponse(for error: any Error, request: Request) -> Response {
        let httpError = HTTPError(from: error)
        if httpError.status == .internalServerError && !(error is HTTPError) {
            logger.error("Exception on \(request.rawPath) [\(request.method)]", metadata: ["error": "\(String(reflecting: error))"])
        }
        return ErrorPage.response(for: httpError.status, message: httpError.message, headers: httpError.headers)
    }

    // MARK: Writing

    /// Writes `response` and logs it; returns whether the connection stays open.
    private func write(_ response: Response, for head: RequestHead, keepAlive: Bool) async throws -> Bool {
        let sendsBody = head.method != .head && response.status.allowsBody
        var keepAlive = keepAlive
        var bodyByteCount = 0
        let date = dates.current()
        switch response.body.storage {
        case .stream(let contentLength, let write) where sendsBody:
            let framing: ResponseHeadWriter.Framing
            if let contentLength {
                framing = .length(contentLength)
            } else if head.version == .http1_1 {
                framing = .chunked
            } else {
                framing = .untilClose
                keepAlive = false
            }
            ResponseHeadWriter.write(
                status: response.status, headers: response.headers, framing: framing,
                connection: connectionHeader(keepAlive: keepAlive, version: head.version), date: date, into: output)
            var writer = ConnectionBodyWriter(handler: self, isChunked: framing.isChunked)
            var bodyWriter: any ResponseBodyWriter = writer
            do {
                try await write(&bodyWriter)
            } catch {
                // The head is gone already: the only honest signal left is to close.
                logger.error("Streaming the response body failed", metadata: ["error": "\(error)"])
                logAccess(head, status: response.status, bodyByteCount: (bodyWriter as? ConnectionBodyWriter)?.bytesWritten ?? 0)
                try? await flush()
                return false
            }
            writer = bodyWriter as! ConnectionBodyWriter
            bodyByteCount = writer.bytesWritten
            if framing.isChunked { output.append(contentsOf: "0\r\n\r\n".utf8) }
            if let contentLength, writer.bytesWritten != contentLength {
                logger.error("Streamed body length \(writer.bytesWritten) differs from its Content-Length \(contentLength)")
                keepAlive = false
            }
        default:
            let framing: ResponseHeadWriter.Framing =
                response.status.allowsBody ? .length(response.body.contentLength ?? 0) : .none
            ResponseHeadWriter.write(
                status: response.status, headers: response.headers, framing: framing,
                connection: connectionHeader(keepAlive: keepAlive, version: head.version), date: date, into: output)
            if sendsBody {
                switch response.body.storage {
                case .string(let string): output.append(string)
                case .bytes(let bytes): output.append(contentsOf: bytes)
                case .empty, .stream: break
                }
                if case .length(let length) = framing { bodyByteCount = length }
            }
        }
        // Logged once the response is the connection's to send, as Werkzeug logs it when it
        // writes the status line: a client that hangs up now does not unmake the request.
        logAccess(head, status: response.status, bodyByteCount: bodyByteCount)
        if !keepAlive || output.readableCount >= configuration.responseBatchSize {
            try await flush()
        }
        return keepAlive
    }

    private func connectionHeader(keepAlive: Bool, version: HTTPVersion) -> ResponseHeadWriter.ConnectionHeader {
        if !keepAlive { return .close }
        return version == .http1_0 ? .keepAlive : .implicit
    }

    /// Answers input that is no request (it did not parse, or did not arrive in time) with an
    /// error page, logs it, and sends it; the connection is to close.
    private func refuseInput(_ status: HTTPStatus, parseError: String? = nil) async throws {
        let answeringHEAD = Self.startsWithHEAD(connection.inbound.readableBytes)
        let bodyByteCount = appendErrorPage(status, message: parseError, answeringHEAD: answeringHEAD)
        logRefusedInput(
            connection.inbound.readableBytes, limit: configuration.maxRequestLineLength, status: status,
            bodyByteCount: bodyByteCount, parseError: parseError)
        try await flush()
    }

    /// Appends an error page that closes the connection; returns the bytes of its body sent.
    /// The answer to a HEAD request is the head alone, as for any response to HEAD.
    private func appendErrorPage(_ status: HTTPStatus, message: String? = nil, answeringHEAD: Bool) -> Int {
        let page = ErrorPage.response(for: status, message: message)
        let bodyByteCount = page.body.contentLength ?? 0
        ResponseHeadWriter.write(
            status: status, headers: page.headers, framing: .length(bodyByteCount),
            connection: .close, date: dates.current(), into: output)
        guard !answeringHEAD else { return 0 }
        if case .string(let html) = page.body.storage { output.append(html) }
        return bodyByteCount
    }

    /// Whether input that did not parse began as a HEAD request (after the empty lines a
    /// client may send first): its request line parsed as far as the method, as Werkzeug's
    /// server knows the method of a request it refuses for a later fault.
    private static func startsWithHEAD(_ input: UnsafeRawBufferPointer) -> Bool {
        input[HTTPByte.requestLineStart(in: input)...].starts(with: "HEAD ".utf8)
    }

    /// Sends everything buffered.
    func flush() async throws {
        guard output.readableCount > 0 else { return }
        try await connection.send(output, timeout: configuration.sendTimeout)
    }

    /// Appends one piece of a streamed body, with chunk framing when chunked.
    func appendBodyPiece(_ bytes: UnsafeRawBufferPointer, chunked: Bool) {
        if chunked {
            output.appendHexadecimal(bytes.count)
            output.append(contentsOf: "\r\n".utf8)
            output.append(bytes)
            output.append(contentsOf: "\r\n".utf8)
        } else {
            output.append(bytes)
        }
    }
}

/// The ``ResponseBodyWriter`` a streamed body writes into: each chunk goes to the socket
/// before the next is asked for, so a slow client slows the stream instead of filling memory.
struct ConnectionBodyWriter: ResponseBodyWriter {
    let handler: HTTPConnectionHandler
    let isChunked: Bool
    private(set) var bytesWritten = 0

    init(handler: HTTPConnectionHandler, isChunked: Bool) {
        self.handler = handler
        self.isChunked = isChunked
    }

    mutating func write(_ chunk: some BodyChunk) async throws {
        let count = chunk.withBodyBytes { bytes in
            if !bytes.isEmpty { handler.appendBodyPiece(bytes, chunked: isChunked) }
            return bytes.count
        }
        guard count > 0 else { return }
        bytesWritten += count
        try await handler.flush()
    }
}

extension ResponseHeadWriter.Framing {
    var isChunked: Bool {
        if case .chunked = self { return true }
        return false
    }
}
