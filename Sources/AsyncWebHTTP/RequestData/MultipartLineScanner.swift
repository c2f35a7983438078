/// Finds the lines that give a multipart body its structure (boundary lines and the blank
/// line after a part's headers) in bytes that may be only the beginning of the body.
///
/// ```swift
/// let scanner = MultipartLineScanner(bytes: buffer, delimiter: Array("--xyz".utf8), inputIsComplete: false, maxLineLength: nil)
/// switch try scanner.boundaryLine(at: lineBreak) {
/// case .nextPart(let end), .last(let end): …      // a boundary line ends at `end`
/// case .notABoundary: …                           // data after all
/// case .undecided: …                              // the next bytes decide
/// }
/// ```
/// Every answer is the one Werkzeug's regular expressions give for the whole body: when
/// the bytes so far could still go either way (a CR that may be the start of a CRLF, a
/// partial boundary, padding still running), the answer is `.undecided`, unless the input
/// is complete, when the end of the bytes is the end of the body.
struct MultipartLineScanner {
    /// What follows a line break, or the start of the body, in front of `--boundary`.
    enum BoundaryLine {
        /// A boundary line ending at `end`: another part follows.
        case nextPart(end: Int)
        /// The closing boundary, `--boundary--`, ending at `end`.
        case last(end: Int)
        case notABoundary
        case undecided
    }

    let bytes: [UInt8]
    /// `--` and the boundary.
    let delimiter: [UInt8]
    let inputIsComplete: Bool
    /// The longest spaces may pad a boundary line while it is undecided: a limit on memory.
    let maxLineLength: Int?

    /// The first position at or after `index` where `--boundary` starts, or where the
    /// bytes end in a beginning of it.
    func nextDelimiter(from index: Int) -> Int? {
        var position = index
        while position < bytes.count {
            if bytes[position] == MultipartByte.dash, delimiterMatches(at: position) { return position }
            position += 1
        }
        return nil
    }

    /// Whether the boundary line of a `--boundary` found at `position` ends there; the
    /// line starts at `lineStart`.
    ///
    /// A boundary line is `--boundary`, then either `--` (the closing one, whatever
    /// follows) or spaces, tabs, VT or FF and a line break (CRLF, LF or CR).
    func lineEnd(afterDelimiterAt position: Int, lineStart: Int) throws(RequestEntityTooLargeError) -> BoundaryLine {
        let index = position + delimiter.count
        let end = bytes.count
        guard index < end else { return inputIsComplete ? .notABoundary : .undecided }
        if bytes[index] == MultipartByte.dash {
            guard index + 1 < end else { return inputIsComplete ? .notABoundary : .undecided }
            return bytes[index + 1] == MultipartByte.dash ? .last(end: index + 2) : .notABoundary
        }
        var lineBreak = index
        while lineBreak < end, MultipartByte.isHorizontalSpace(bytes[lineBreak]) { lineBreak += 1 }
        if let maxLineLength, lineBreak - lineStart > maxLineLength {
            throw RequestEntityTooLargeError(limit: .maxFormMemorySize)
        }
        guard lineBreak < end else { return inputIsComplete ? .notABoundary : .undecided }
        switch bytes[lineBreak] {
        case MultipartByte.lf:
            return .nextPart(end: lineBreak + 1)
        case MultipartByte.cr:
            if lineBreak + 1 < end { return .nextPart(end: bytes[lineBreak + 1] == MultipartByte.lf ? lineBreak + 2 : lineBreak + 1) }
            return inputIsComplete ? .nextPart(end: lineBreak + 1) : .undecided
        default:
            return .notABoundary
        }
    }

    /// Whether a boundary line starts with the line break at `index`, as one must after
    /// the first part.
    func boundaryLine(at index: Int) throws(RequestEntityTooLargeError) -> BoundaryLine {
        let delimiterStart: Int
        if bytes[index] == MultipartByte.cr {
            guard index + 1 < bytes.count else { return inputIsComplete ? .notABoundary : .undecided }
            delimiterStart = bytes[index + 1] == MultipartByte.lf ? index + 2 : index + 1
        } else {
            delimiterStart = index + 1
        }
        guard delimiterMatches(at: delimiterStart) else { return .notABoundary }
        guard delimiterStart + delimiter.count <= bytes.count else { return .undecided }
        return try lineEnd(afterDelimiterAt: delimiterStart, lineStart: index)
    }

    /// The first CR or LF at or after `index`.
    func nextLineBreak(from index: Int) -> Int? {
        bytes.withUnsafeBufferPointer { bytes in
            var position = index
            while position < bytes.count {
                let byte = bytes[position]
                if byte == MultipartByte.cr || byte == MultipartByte.lf { return position }
                position += 1
            }
            return nil
        }
    }

    /// The first blank line (CRLFCRLF, CRCR or LFLF) at or after `index` and its length,
    /// or where to resume the search once more bytes have come.
    func blankLine(from index: Int) -> (found: (index: Int, length: Int)?, resumeAt: Int) {
        var index = index
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            guard byte == MultipartByte.cr || byte == MultipartByte.lf else {
                index += 1
                continue
            }
            let available = end - index
            if byte == MultipartByte.cr, available >= 2, bytes[index + 1] == MultipartByte.lf {
                if available >= 4 {
                    if bytes[index + 2] == MultipartByte.cr && bytes[index + 3] == MultipartByte.lf { return ((index, 4), index) }
                } else if (available == 2 || bytes[index + 2] == MultipartByte.cr) && !inputIsComplete {
                    break
                }
            } else if available >= 2 {
                if bytes[index + 1] == byte { return ((index, 2), index) }
            } else if !inputIsComplete {
                break
            }
            index += 1
        }
        return (nil, index)
    }

    /// Whether the bytes hold `--boundary` at `position`, or a beginning of it up to their
    /// end while more input may come.
    private func delimiterMatches(at position: Int) -> Bool {
        let available = min(delimiter.count, bytes.count - position)
        guard available == delimiter.count || !inputIsComplete else { return false }
        for offset in 0..<max(available, 0) where bytes[position + offset] != delimiter[offset] {
            return false
        }
        return true
    }
}

/// The bytes the multipart grammar is made of.
enum MultipartByte {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let dash = UInt8(ascii: "-")

    /// Whitespace other than line breaks, Werkzeug's `[^\S\n\r]`: space, tab, VT and FF.
    static func isHorizontalSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0B || byte == 0x0C
    }
}
