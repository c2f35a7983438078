/// The grammar of a field section (RFC 9112 §5): `field-name ":" OWS
/// field-value OWS CRLF` lines ended by an empty line. The request head and
/// the trailer section of a chunked body share it, so both reject the same
/// things: bare CR or LF, obs-fold, whitespace before the colon, control
/// bytes in values.
///
/// It keeps only its state between calls, never a pointer, so the bytes may
/// move or arrive in separate buffers. It reports positions in the buffer it
/// was given; the head parser, whose buffer keeps every byte of the head,
/// turns them into ranges.
///
/// ```swift
/// while let event = try scanner.scan(bytes, from: &position, to: bytes.count) {
///     switch event { case .nameEnded(let colon): …; case .lineEnded(let cr): …; case .sectionEnded: … }
/// }
/// ```
struct FieldLineScanner: Sendable {
    enum Event: Sendable, Equatable {
        /// The field name ended at the colon at this position.
        case nameEnded(colon: Int)
        /// The field line ended; its value runs up to this CR, trailing OWS included.
        case lineEnded(carriageReturn: Int)
        /// The empty line that ends the section was read.
        case sectionEnded
    }

    private enum State: Sendable {
        case lineStart
        case finalLineFeed
        case name
        case leadingWhitespace
        case value
        case lineFeed
    }

    private var state = State.lineStart

    /// Where the current line's name starts.
    private(set) var nameStart = 0
    /// Where the current value starts, after its leading OWS.
    private(set) var valueStart = 0

    /// Where the current field value's bytes scanned so far end, if the
    /// scanner stopped (or failed) at `position` inside a value or right
    /// after its CR; nil anywhere else. Lets the caller check a value's
    /// bytes in order before the line ends.
    func valueEnd(at position: Int) -> Int? {
        switch state {
        case .leadingWhitespace, .value: position
        case .lineFeed: position - 1
        case .lineStart, .finalLineFeed, .name: nil
        }
    }

    /// Scans from `position` up to `end`, stopping after each event; nil
    /// means every byte up to `end` was consumed without completing one.
    mutating func scan(
        _ bytes: UnsafeRawBufferPointer, from position: inout Int, to end: Int
    ) throws(HTTPParseError) -> Event? {
        var index = position
        defer { position = index }
        while index < end {
            let byte = bytes[index]
            switch state {
            case .lineStart:
                if byte == HTTPByte.carriageReturn {
                    state = .finalLineFeed
                } else if HTTPByteClass.of(byte).contains(.token) {
                    nameStart = index
                    state = .name
                } else {
                    throw Self.errorAtLineStart(byte)
                }
                index += 1

            case .finalLineFeed:
                guard byte == HTTPByte.lineFeed else { throw .bareCarriageReturn }
                index += 1
                state = .lineStart
                return .sectionEnded

            case .name:
                while index < end, HTTPByteClass.of(bytes[index]).contains(.token) {
                    index += 1
                }
                guard index < end else { break }
                let stop = bytes[index]
                guard stop == HTTPByte.colon else { throw Self.errorInName(stop) }
                index += 1
                valueStart = index
                state = .leadingWhitespace
                return .nameEnded(colon: index - 1)

            case .leadingWhitespace:
                if HTTPByteClass.of(byte).contains(.whitespace) {
                    index += 1
                } else {
                    valueStart = index
                    state = .value
                }

            case .value:
                index = Self.endOfFieldContent(bytes, from: index, to: end)
                guard index < end else { break }
                let stop = bytes[index]
                if stop == HTTPByte.carriageReturn {
                    index += 1
                    state = .lineFeed
                } else {
                    throw stop == HTTPByte.lineFeed ? .bareLineFeed : .invalidHeaderValue
                }

            case .lineFeed:
                guard byte == HTTPByte.lineFeed else { throw .bareCarriageReturn }
                index += 1
                state = .lineStart
                return .lineEnded(carriageReturn: index - 2)
            }
        }
        return nil
    }

    /// The end of the field content from `start`: eight bytes at a time
    /// where possible, since values make up most of a head.
    @inline(__always)
    private static func endOfFieldContent(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        var index = start
        while true {
            index = ByteWord.endOfPlainFieldContent(bytes, from: index, to: end)
            guard index < end, HTTPByteClass.of(bytes[index]).contains(.fieldContent) else { return index }
            index += 1
        }
    }

    private static func errorAtLineStart(_ byte: UInt8) -> HTTPParseError {
        switch byte {
        case HTTPByte.space, HTTPByte.horizontalTab: .obsoleteLineFolding
        case HTTPByte.lineFeed: .bareLineFeed
        case HTTPByte.colon: .emptyHeaderName
        default: .invalidHeaderName
        }
    }

    private static func errorInName(_ byte: UInt8) -> HTTPParseError {
        switch byte {
        case HTTPByte.space, HTTPByte.horizontalTab: .whitespaceBeforeColon
        case HTTPByte.carriageReturn, HTTPByte.lineFeed: .headerLineWithoutColon
        default: .invalidHeaderName
        }
    }
}
