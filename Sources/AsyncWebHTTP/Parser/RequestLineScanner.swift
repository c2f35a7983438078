/// The request line (RFC 9112 §3): `method SP request-target SP
/// HTTP-version CRLF`, with exactly one space between the parts, after any
/// empty lines a client left behind (RFC 9112 §2.2).
///
/// Every byte is checked as it arrives, so `GET / HTTP/5.6` is refused as
/// soon as its version is read and an endless line as soon as it passes
/// the limit, without waiting for a CRLF that may never come.
struct RequestLineScanner: Sendable {
    /// Where the parts of a complete request line are in the head's bytes.
    struct RequestLine: Sendable {
        var method: Range<Int>
        var target: Range<Int>
        var version: HTTPVersion
    }

    private enum State: Sendable {
        case emptyLineStart
        case emptyLineFeed
        case method
        case target
        case version(matched: Int)
        case carriageReturn
        case lineFeed
    }

    private static let versionPrefix: StaticString = "HTTP/"
    private static let versionLength = 8

    private let maxLength: Int
    private var state = State.emptyLineStart
    private var lineStart = 0
    private var targetStart = 0
    private var versionStart = 0
    private var majorDigit: UInt8 = 0
    private var version = HTTPVersion.http1_1

    init(maxLength: Int) {
        self.maxLength = maxLength
    }

    /// Scans from `position` up to `end`; nil means more bytes are needed.
    mutating func scan(
        _ bytes: UnsafeRawBufferPointer, from position: inout Int, to end: Int
    ) throws(HTTPParseError) -> RequestLine? {
        var index = position
        defer { position = index }
        while index < end {
            switch state {
            case .emptyLineStart:
                let byte = bytes[index]
                if byte == HTTPByte.carriageReturn {
                    state = .emptyLineFeed
                    index += 1
                } else if HTTPByteClass.of(byte).contains(.token) {
                    lineStart = index
                    state = .method
                } else {
                    throw byte == HTTPByte.lineFeed ? .bareLineFeed : .invalidMethod
                }

            case .emptyLineFeed:
                guard bytes[index] == HTTPByte.lineFeed else { throw .bareCarriageReturn }
                state = .emptyLineStart
                index += 1

            case .method:
                let contentEnd = boundedEnd(end)
                while index < contentEnd, HTTPByteClass.of(bytes[index]).contains(.token) {
                    index += 1
                }
                guard index < contentEnd else { try checkLength(at: index); break }
                guard bytes[index] == HTTPByte.space else { throw .invalidMethod }
                index += 1
                targetStart = index
                state = .target

            case .target:
                let contentEnd = boundedEnd(end)
                index = ByteWord.endOfPlainTarget(bytes, from: index, to: contentEnd)
                while index < contentEnd, HTTPByteClass.of(bytes[index]).contains(.target) {
                    index += 1
                }
                guard index < contentEnd else { try checkLength(at: index); break }
                guard bytes[index] == HTTPByte.space, index > targetStart else {
                    throw bytes[index] == HTTPByte.carriageReturn ? .missingVersion : .invalidTarget
                }
                index += 1
                versionStart = index
                state = .version(matched: 0)

            case .version(let matched):
                try checkLength(at: index)
                try matchVersionByte(bytes[index], at: matched)
                index += 1
                state = matched + 1 == Self.versionLength ? .carriageReturn : .version(matched: matched + 1)

            case .carriageReturn:
                let byte = bytes[index]
                guard byte == HTTPByte.carriageReturn else {
                    throw byte == HTTPByte.lineFeed ? .bareLineFeed : .invalidVersion
                }
                state = .lineFeed
                index += 1

            case .lineFeed:
                guard bytes[index] == HTTPByte.lineFeed else { throw .bareCarriageReturn }
                index += 1
                return RequestLine(
                    method: lineStart..<(targetStart - 1),
                    target: targetStart..<(versionStart - 1),
                    version: version)
            }
        }
        return nil
    }

    /// Checks one byte of `HTTP/x.y`; the digits decide the version once the
    /// last one is read, so an unsupported version is refused before CRLF.
    private mutating func matchVersionByte(_ byte: UInt8, at matched: Int) throws(HTTPParseError) {
        switch matched {
        case 0..<5:
            let expected = Self.versionPrefix.withUTF8Buffer { $0[matched] }
            guard byte == expected else { throw .invalidVersion }
        case 6:
            guard byte == 0x2E else { throw .invalidVersion }
        default:
            guard HTTPByte.isDigit(byte) else { throw .invalidVersion }
            if matched == 7 {
                version = try HTTPVersion(major: majorDigit, minor: byte &- 0x30)
            } else {
                majorDigit = byte &- 0x30
            }
        }
    }

    /// The end of the bytes a line part may occupy: the line may not pass
    /// `lineStart + maxLength`.
    private func boundedEnd(_ end: Int) -> Int {
        min(end, lineLimit)
    }

    /// Refuses the line once a part of it would reach past the limit.
    private func checkLength(at index: Int) throws(HTTPParseError) {
        if index >= lineLimit { throw .requestLineTooLong }
    }

    /// `lineStart + maxLength`, saturating: a configured maximum of `Int.max`
    /// means no limit, even after empty lines have moved the start.
    private var lineLimit: Int {
        let (limit, overflow) = lineStart.addingReportingOverflow(maxLength)
        return overflow ? .max : limit
    }
}
