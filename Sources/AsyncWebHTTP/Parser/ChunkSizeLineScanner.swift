internal import AsyncWebEncoding

/// The line that opens a chunk (RFC 9112 §7.1): `chunk-size [ chunk-ext ]
/// CRLF`, read a byte at a time across buffers.
///
/// The size is hexadecimal digits only. Extensions are parsed to their exact
/// grammar, `*( BWS ";" BWS name [ BWS "=" BWS ( token / quoted-string ) ] )`,
/// and then ignored, as the RFC lets a recipient do; whitespace is allowed
/// only where BWS is, so `a \r\n` or `2 junk` is refused, not guessed at.
struct ChunkSizeLineScanner: Sendable {
    /// The longest size line accepted. Extensions carry nothing the server
    /// uses, and a bound stops a client from sending megabytes of them
    /// around one-byte chunks.
    static let maxLineLength = 4096

    private enum State: Sendable {
        case size
        case whitespaceAfterSize
        case extensionNameStart
        case extensionName
        case whitespaceAfterName
        case extensionValueStart
        case tokenValue
        case quotedValue
        case quotedPair
        case valueEnded
        case whitespaceAfterValue
        case lineFeed
    }

    private var state = State.size
    private var size = 0
    private var digits = 0
    private var lineLength = 0

    /// Scans from `cursor` to the end of `input`; returns the chunk size
    /// once the line's LF is read, nil when more input is needed.
    mutating func scan(_ input: UnsafeRawBufferPointer, at cursor: inout Int) throws(HTTPParseError) -> Int? {
        while cursor < input.count {
            let byte = input[cursor]
            cursor += 1
            lineLength += 1
            guard lineLength <= Self.maxLineLength else { throw .chunkLineTooLong }
            if try consume(byte) {
                return size
            }
        }
        return nil
    }

    /// Advances over one byte; true once the line is complete.
    private mutating func consume(_ byte: UInt8) throws(HTTPParseError) -> Bool {
        let isWhitespace = HTTPByteClass.of(byte).contains(.whitespace)
        let isToken = HTTPByteClass.of(byte).contains(.token)
        switch state {
        case .size:
            if let digit = HexDigit.value(byte) {
                let (shifted, overflowed) = size.multipliedReportingOverflow(by: 16)
                guard !overflowed else { throw .chunkSizeOverflow }
                size = shifted | Int(digit)
                digits += 1
                return false
            }
            guard digits > 0 else { throw .invalidChunkSize }
            try endOfExtension(byte, whitespaceState: .whitespaceAfterSize, invalid: .invalidChunkSize)
        case .whitespaceAfterSize:
            guard isWhitespace || byte == HTTPByte.semicolon else { throw .invalidChunkSize }
            if !isWhitespace { state = .extensionNameStart }
        case .extensionNameStart:
            guard isWhitespace || isToken else { throw .invalidChunkExtension }
            if isToken { state = .extensionName }
        case .extensionName:
            if isToken { return false }
            if byte == HTTPByte.equalsSign {
                state = .extensionValueStart
            } else {
                try endOfExtension(byte, whitespaceState: .whitespaceAfterName, invalid: .invalidChunkExtension)
            }
        case .whitespaceAfterName:
            if isWhitespace { return false }
            if byte == HTTPByte.equalsSign {
                state = .extensionValueStart
            } else {
                guard byte == HTTPByte.semicolon else { throw .invalidChunkExtension }
                state = .extensionNameStart
            }
        case .extensionValueStart:
            if isWhitespace { return false }
            if byte == HTTPByte.quotationMark {
                state = .quotedValue
            } else {
                guard isToken else { throw .invalidChunkExtension }
                state = .tokenValue
            }
        case .tokenValue:
            if isToken { return false }
            try endOfExtension(byte, whitespaceState: .whitespaceAfterValue, invalid: .invalidChunkExtension)
        case .quotedValue:
            if byte == HTTPByte.quotationMark {
                state = .valueEnded
            } else if byte == HTTPByte.backslash {
                state = .quotedPair
            } else {
                guard HTTPByteClass.of(byte).contains(.quotedText) else { throw .invalidChunkExtension }
            }
        case .quotedPair:
            guard HTTPByteClass.of(byte).contains(.fieldContent) else { throw .invalidChunkExtension }
            state = .quotedValue
        case .valueEnded:
            try endOfExtension(byte, whitespaceState: .whitespaceAfterValue, invalid: .invalidChunkExtension)
        case .whitespaceAfterValue:
            guard isWhitespace || byte == HTTPByte.semicolon else { throw .invalidChunkExtension }
            if !isWhitespace { state = .extensionNameStart }
        case .lineFeed:
            guard byte == HTTPByte.lineFeed else { throw .bareCarriageReturn }
            return true
        }
        return false
    }

    /// What may follow the size, a name or a value: CR ends the line, `;`
    /// opens an extension, whitespace is BWS that must lead to a `;` (or,
    /// after a name, to `=`).
    private mutating func endOfExtension(
        _ byte: UInt8, whitespaceState: State, invalid: HTTPParseError
    ) throws(HTTPParseError) {
        switch byte {
        case HTTPByte.carriageReturn: state = .lineFeed
        case HTTPByte.semicolon: state = .extensionNameStart
        case HTTPByte.space, HTTPByte.horizontalTab: state = whitespaceState
        case HTTPByte.lineFeed: throw .bareLineFeed
        default: throw invalid
        }
    }
}
