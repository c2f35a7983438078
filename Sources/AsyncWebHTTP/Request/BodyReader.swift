internal import IOUring

/// Reads one request's body from its connection, as the handler asks for it.
///
/// Bytes are taken from the connection's inbound buffer in pieces, so a large upload is
/// never held whole; when the buffer is empty the reader waits for the socket, and the
/// socket's receive pauses once its buffer is full (see ``TCPConnection``), which is the
/// backpressure all the way to the client. Confined to the connection's reactor.
final class BodyReader: @unchecked Sendable {
    private enum Framing {
        case length(remaining: Int)
        case chunked(ChunkedBodyDecoder)
    }

    enum ContinueState { case notExpected, pending, sent }

    private let connection: any HTTPTransport
    private let timeout: Duration
    private var framing: Framing
    private let sendContinue: () async throws -> Void
    private(set) var continueState: ContinueState
    private(set) var isComplete = false
    private(set) var failed = false

    init(
        connection: any HTTPTransport, framing: BodyFraming, maxBodySize: Int?, timeout: Duration,
        expectsContinue: Bool, sendContinue: @escaping () async throws -> Void
    ) {
        self.connection = connection
        self.timeout = timeout
        self.sendContinue = sendContinue
        switch framing {
        case .none:
            self.framing = .length(remaining: 0)
            isComplete = true
        case .contentLength(let length):
            self.framing = .length(remaining: length)
            isComplete = length == 0
        case .chunked:
            self.framing = .chunked(ChunkedBodyDecoder(maxBodySize: maxBodySize ?? .max, maxTrailerBytes: 16 * 1024))
        }
        continueState = expectsContinue && !isComplete ? .pending : .notExpected
    }

    /// The next piece of the body, or nil at its end.
    func next() async throws -> [UInt8]? {
        if isComplete { return nil }
        do {
            if continueState == .pending {
                continueState = .sent
                try await sendContinue()
            }
            return try await readPiece()
        } catch {
            failed = true
            throw error
        }
    }

    private func readPiece() async throws -> [UInt8]? {
        while true {
            let inbound = connection.inbound
            switch framing {
            case .length(let remaining):
                if inbound.readableCount > 0 {
                    let count = min(remaining, inbound.readableCount)
                    let piece = [UInt8](UnsafeRawBufferPointer(rebasing: inbound.readableBytes[0..<count]))
                    connection.consume(count)
                    framing = .length(remaining: remaining - count)
                    isComplete = remaining == count
                    return piece
                }
            case .chunked(var decoder):
                var cursor = 0
                let bytes = inbound.readableBytes
                let event = try decoder.next(in: bytes, at: &cursor)
                framing = .chunked(decoder)
                switch event {
                case .data(let range):
                    let piece = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[range]))
                    connection.consume(cursor)
                    return piece
                case .end:
                    connection.consume(cursor)
                    isComplete = true
                    return nil
                case nil:
                    connection.consume(cursor)
                }
            }
            guard try await connection.receive(timeout: timeout) else {
                throw HTTPParseError(status: 400, reason: "The client closed the connection before sending the whole body")
            }
        }
    }

    /// Reads and drops what the handler left unread, up to `limit` bytes; true if the body ended.
    func discardRemaining(limit: Int) async -> Bool {
        var discarded = 0
        while !isComplete && !failed && discarded <= limit {
            guard let piece = try? await next() else { break }
            discarded += piece.count
        }
        return isComplete
    }
}
