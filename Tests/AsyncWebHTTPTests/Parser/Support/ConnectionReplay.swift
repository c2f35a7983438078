@testable import AsyncWebHTTP

/// Plays the server's side of one connection over input that arrives in
/// pieces: head, body, next head, … until the input ends, as the real
/// connection loop will. Used to compare the parser with llhttp's fixtures,
/// which hold whole connections (pipelined requests, bodies, upgrades), and
/// to check that how the input is split never changes the outcome.
///
/// It follows llhttp where a connection stops being HTTP: after CONNECT's
/// head, and after an `Upgrade` request's body, the rest belongs to another
/// protocol; after a request that does not keep the connection alive, only
/// empty lines may follow ("Data after `Connection: close`").
struct ConnectionReplay {
    /// What the server made of the input.
    enum Outcome: Equatable, CustomStringConvertible {
        /// Every byte was acceptable; the last message may be incomplete.
        case accepted([Message])
        case rejected(Failure)

        var isRejected: Bool {
            if case .rejected = self { return true }
            return false
        }

        var description: String {
            switch self {
            case .accepted(let messages): "accepted \(messages.count) message(s): \(messages)"
            case .rejected(let failure): "rejected: \(failure)"
            }
        }
    }

    enum Failure: Error, Equatable, CustomStringConvertible {
        case parse(HTTPParseError)
        /// Bytes other than empty lines after a request that closes the connection.
        case dataAfterClose

        var description: String {
            switch self {
            case .parse(let error): "\(error)"
            case .dataAfterClose: "data after a request that closes the connection"
            }
        }
    }

    /// One request as the server saw it.
    struct Message: Equatable, CustomStringConvertible {
        var requestLine: String
        var fields: [String]
        var framing: BodyFraming
        var keepAlive: Bool
        var body: [UInt8] = []
        var isComplete = false

        var description: String {
            "\(requestLine) \(fields) \(framing) body=\(body.count)\(isComplete ? "" : " (incomplete)")"
        }
    }

    private enum Phase {
        case head
        case fixedBody(remaining: Int, head: RequestHead)
        case chunkedBody(ChunkedBodyDecoder, head: RequestHead)
        case closed
        case otherProtocol
    }

    /// Bodies are not what these replays test; any size is accepted.
    private let maxBodySize = Int.max
    private let maxTrailerBytes = 16 * 1024
    private var parser = RequestHeadParser()
    private var phase = Phase.head
    private var pending: [UInt8] = []
    private var messages: [Message] = []

    /// The outcome of `input` delivered as the given pieces, in order.
    static func outcome(of pieces: some Sequence<ArraySlice<UInt8>>) -> Outcome {
        var replay = ConnectionReplay()
        for piece in pieces {
            do {
                try replay.receive(piece)
            } catch {
                return .rejected(error)
            }
        }
        return .accepted(replay.messages)
    }

    /// The outcome of `input` delivered in one piece.
    static func outcome(of input: [UInt8]) -> Outcome {
        outcome(of: [input[...]])
    }

    /// The outcome of `input` delivered in two pieces, split at `offset`.
    static func outcome(of input: [UInt8], splitAt offset: Int) -> Outcome {
        outcome(of: [input[..<offset], input[offset...]])
    }

    /// The outcome of `input` delivered a byte at a time.
    static func outcomeByteByByte(of input: [UInt8]) -> Outcome {
        outcome(of: input.indices.lazy.map { input[$0...$0] })
    }

    private mutating func receive(_ piece: ArraySlice<UInt8>) throws(Failure) {
        pending.append(contentsOf: piece)
        while try step() {}
    }

    /// Advances through the pending bytes; false when more input is needed.
    private mutating func step() throws(Failure) -> Bool {
        switch phase {
        case .head:
            let parsed: RequestHead?
            do {
                parsed = try parser.parse(pending)
            } catch {
                throw .parse(error)
            }
            guard let head = parsed else { return false }
            pending.removeFirst(head.byteCount)
            messages.append(Message(head))
            if head.method == .connect {
                messages[messages.count - 1].isComplete = true
                phase = .otherProtocol
                return true
            }
            switch head.bodyFraming {
            case .none: messageEnded(head)
            case .contentLength(let length): phase = .fixedBody(remaining: length, head: head)
            case .chunked:
                let decoder = ChunkedBodyDecoder(maxBodySize: maxBodySize, maxTrailerBytes: maxTrailerBytes)
                phase = .chunkedBody(decoder, head: head)
            }
            return true

        case .fixedBody(let remaining, let head):
            let count = min(remaining, pending.count)
            messages[messages.count - 1].body += pending[..<count]
            pending.removeFirst(count)
            guard count == remaining else {
                phase = .fixedBody(remaining: remaining - count, head: head)
                return false
            }
            messageEnded(head)
            return true

        case .chunkedBody(var decoder, let head):
            var cursor = 0
            var ended = false
            var body: [UInt8] = []
            let decoded = pending.withUnsafeBytes { buffer in
                Result { () throws(HTTPParseError) in
                    decoding: while let event = try decoder.next(in: buffer, at: &cursor) {
                        switch event {
                        case .data(let range): body += buffer[range]
                        case .end: ended = true; break decoding
                        }
                    }
                }
            }
            try decoded.mapError(Failure.parse).get()
            messages[messages.count - 1].body += body
            pending.removeFirst(cursor)
            guard ended else {
                phase = .chunkedBody(decoder, head: head)
                return false
            }
            messageEnded(head)
            return true

        case .closed:
            guard pending.allSatisfy({ $0 == 0x0D || $0 == 0x0A }) else { throw .dataAfterClose }
            pending.removeAll()
            return false

        case .otherProtocol:
            pending.removeAll()
            return false
        }
    }

    private mutating func messageEnded(_ head: RequestHead) {
        messages[messages.count - 1].isComplete = true
        if Self.asksForUpgrade(head) {
            phase = .otherProtocol
        } else {
            phase = head.keepAlive ? .head : .closed
        }
    }

    /// llhttp switches protocols when the request has an Upgrade field and
    /// lists `upgrade` in Connection; the server ignores Upgrade, but a
    /// client that asked for it may already be speaking the new protocol.
    private static func asksForUpgrade(_ head: RequestHead) -> Bool {
        guard head.value(forHeader: "Upgrade") != nil else { return false }
        return head.headers.contains { name, value in
            name.lowercased() == "connection"
                && value.split(separator: ",").contains { $0.filter { $0 != " " && $0 != "\t" }.lowercased() == "upgrade" }
        }
    }
}

extension ConnectionReplay.Message {
    init(_ head: RequestHead) {
        requestLine = "\(head.method) \(head.target) \(head.version)"
        fields = head.headers.map { "\($0.name): \($0.value)" }
        framing = head.bodyFraming
        keepAlive = head.keepAlive
    }
}
