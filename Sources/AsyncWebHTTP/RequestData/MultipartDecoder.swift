/// The `multipart/form-data` grammar as Werkzeug 3.1 reads it, fed in pieces: the
/// counterpart of `werkzeug.sansio.multipart.MultipartDecoder`, without I/O.
///
/// ```swift
/// var decoder = MultipartDecoder(boundary: Array("xyz".utf8), maxFormMemorySize: 500_000, maxParts: 1_000)
/// for chunk in chunks {
///     try decoder.receive(chunk)
///     while let event = try decoder.nextEvent() { handle(event) }   // nil: needs more bytes
/// }
/// decoder.finishInput()
/// while let event = try decoder.nextEvent() { handle(event) }       // ends with .end, or throws
/// ```
/// It answers as Werkzeug answers for the whole body at once, however the body is split:
/// where the bytes seen so far leave a decision open (a CR that may start a CRLF, a
/// partial boundary), it waits for more instead of deciding early. Werkzeug's own
/// streaming decides early and can, for example, add a stray CR to a value when a read
/// ends just after `\r\n--boundary-`.
///
/// The grammar, Werkzeug's: a boundary line is a line break (CRLF, LF or CR; optional
/// before the first), `--` and the boundary, then either `--` (the last one) or optional
/// spaces and tabs and a line break. The preamble before the first boundary and the
/// epilogue after the last are ignored. A part's headers end at the first blank line.
/// A body that ends before the closing boundary is malformed.
///
/// Part data is handed out as it arrives, so the decoder holds at most a partial boundary
/// line of it. Text it must hold whole (the preamble, a part's headers, the epilogue,
/// which it counts rather than keeps) may not exceed `maxFormMemorySize`.
struct MultipartDecoder {
    enum Event {
        /// A part begins; its data follows.
        case part(MultipartPartHead)
        /// A piece of the current part's data, valid until the next call to `receive`.
        case data(ArraySlice<UInt8>, isLast: Bool)
        /// The closing boundary was read and the input is complete.
        case end
    }

    private enum State {
        case preamble, headers, dataStart, data, epilogue, finished
    }

    /// `--` and the boundary.
    private let delimiter: [UInt8]
    private let maxFormMemorySize: Int?
    private let maxParts: Int?

    private var buffer: [UInt8] = []
    /// The first byte not yet consumed.
    private var start = 0
    /// Where the next search resumes: everything before it has been ruled out.
    private var scanFrom = 0
    /// The first byte of the current part's data not yet handed out.
    private var dataFrom = 0
    private var state = State.preamble
    private var inputIsComplete = false
    private var partCount = 0
    private var epilogueSize = 0

    init(boundary: [UInt8], maxFormMemorySize: Int?, maxParts: Int?) {
        delimiter = [MultipartByte.dash, MultipartByte.dash] + boundary
        self.maxFormMemorySize = maxFormMemorySize
        self.maxParts = maxParts
    }

    /// How many bytes the decoder holds: a bound on its memory.
    var bufferedByteCount: Int { buffer.count - start }

    /// Appends the next piece of the body.
    mutating func receive(_ bytes: [UInt8]) throws(RequestEntityTooLargeError) {
        switch state {
        case .epilogue, .finished:
            epilogueSize += bytes.count
            try checkMemory(epilogueSize)
        default:
            if start > 0 {
                buffer.removeSubrange(..<start)
                scanFrom -= start
                dataFrom = max(dataFrom - start, 0)
                start = 0
            }
            buffer += bytes
        }
    }

    /// Marks the end of the body: what is still undecided is decided on what is there.
    mutating func finishInput() {
        inputIsComplete = true
    }

    /// The next event, or nil when more bytes are needed.
    ///
    /// - Throws: ``MalformedFormDataError`` when the input is complete and the body is not
    ///   a whole multipart body; ``RequestEntityTooLargeError`` over a limit.
    mutating func nextEvent() throws -> Event? {
        while true {
            switch state {
            case .preamble:
                guard try findFirstBoundary() else { return try needMoreInput("no boundary line was found") }
            case .headers:
                guard let head = try findPartHead() else { return try needMoreInput("the body ends inside a part's headers") }
                return .part(head)
            case .dataStart:
                guard startData() else { return try needMoreInput("the body ends inside a part") }
            case .data:
                if let event = try nextData() { return event }
                return try needMoreInput("the body ends before the closing boundary")
            case .epilogue:
                guard inputIsComplete else { return nil }
                state = .finished
                return .end
            case .finished:
                return nil
            }
        }
    }

    private func needMoreInput(_ reason: String) throws(MalformedFormDataError) -> Event? {
        guard !inputIsComplete else { throw MalformedFormDataError(reason: reason) }
        return nil
    }

    /// The scanner over the bytes held now.
    private var scanner: MultipartLineScanner {
        MultipartLineScanner(bytes: buffer, delimiter: delimiter, inputIsComplete: inputIsComplete, maxLineLength: maxFormMemorySize)
    }

    // MARK: Preamble

    /// Moves past the first boundary line; false while it is not (yet) there.
    private mutating func findFirstBoundary() throws(RequestEntityTooLargeError) -> Bool {
        let scanner = self.scanner
        var candidate = scanFrom
        // The line break before the first boundary is optional: any `--boundary` may start it.
        while let position = scanner.nextDelimiter(from: candidate) {
            switch try scanner.lineEnd(afterDelimiterAt: position, lineStart: position) {
            case .notABoundary:
                candidate = position + 1
            case .undecided:
                scanFrom = position
                try checkMemory(buffer.count)
                return false
            case .nextPart(let end):
                try checkMemory(end)
                beginHeaders(at: end)
                return true
            case .last(let end):
                try checkMemory(end)
                try beginEpilogue(at: end)
                return true
            }
        }
        scanFrom = buffer.count
        try checkMemory(buffer.count)
        return false
    }

    // MARK: Part headers

    private mutating func beginHeaders(at index: Int) {
        state = .headers
        start = index
        scanFrom = index
    }

    /// The next part's head once its blank line has arrived.
    private mutating func findPartHead() throws -> MultipartPartHead? {
        let (found, resumeAt) = scanner.blankLine(from: max(scanFrom, start))
        guard let (blankLine, length) = found else {
            scanFrom = resumeAt
            try checkMemory(buffer.count - start)
            return nil
        }
        try checkMemory(blankLine + length - start)
        let head = try MultipartPartHead(parsing: buffer[start..<blankLine])
        partCount += 1
        if let maxParts, partCount > maxParts { throw RequestEntityTooLargeError(limit: .maxFormParts) }
        // The data starts at the blank line's own line break, which `startData` skips.
        start = blankLine + length / 2
        state = .dataStart
        return head
    }

    // MARK: Part data

    /// Skips the line break that opens the data; false while it is not known whether it
    /// is a CR or a CRLF.
    private mutating func startData() -> Bool {
        let lineBreakIsCRLF: Bool
        if buffer[start] == MultipartByte.cr {
            guard start + 1 < buffer.count || inputIsComplete else { return false }
            lineBreakIsCRLF = start + 1 < buffer.count && buffer[start + 1] == MultipartByte.lf
        } else {
            lineBreakIsCRLF = false
        }
        dataFrom = start + (lineBreakIsCRLF ? 2 : 1)
        // The closing boundary's line break may be this same one: the search starts here.
        scanFrom = start
        state = .data
        return true
    }

    /// The data up to the next boundary line, or as much of it as is sure not to be part
    /// of one; nil when there is nothing new to hand out.
    private mutating func nextData() throws -> Event? {
        let scanner = self.scanner
        var lineBreak = max(scanFrom, start)
        while let candidate = scanner.nextLineBreak(from: lineBreak) {
            switch try scanner.boundaryLine(at: candidate) {
            case .notABoundary:
                lineBreak = candidate + 1
            case .undecided:
                return handOut(upTo: candidate)
            case .nextPart(let lineEnd):
                let data = buffer[dataFrom..<max(dataFrom, candidate)]
                beginHeaders(at: lineEnd)
                return .data(data, isLast: true)
            case .last(let lineEnd):
                let data = buffer[dataFrom..<max(dataFrom, candidate)]
                try beginEpilogue(at: lineEnd)
                return .data(data, isLast: true)
            }
        }
        return handOut(upTo: buffer.count)
    }

    /// Hands out the data before `index`, which may start a boundary line, and waits there.
    private mutating func handOut(upTo index: Int) -> Event? {
        let data = buffer[dataFrom..<max(dataFrom, index)]
        dataFrom = max(dataFrom, index)
        start = index
        scanFrom = index
        return data.isEmpty ? nil : .data(data, isLast: false)
    }

    // MARK: Epilogue

    /// Werkzeug keeps the epilogue in memory until the body ends, so it counts against
    /// `maxFormMemorySize`; here it is only counted.
    private mutating func beginEpilogue(at index: Int) throws(RequestEntityTooLargeError) {
        state = .epilogue
        epilogueSize = buffer.count - index
        buffer = []
        start = 0
        scanFrom = 0
        dataFrom = 0
        try checkMemory(epilogueSize)
    }

    private func checkMemory(_ size: Int) throws(RequestEntityTooLargeError) {
        if let maxFormMemorySize, size > maxFormMemorySize {
            throw RequestEntityTooLargeError(limit: .maxFormMemorySize)
        }
    }
}
