/// A Content-Length value (RFC 9110 §8.6), read a byte at a time as the
/// value arrives, so a number too large to represent is refused before its
/// line ends.
///
/// Only `OWS 1*DIGIT OWS` is accepted: no sign, no inner space, no comma
/// list. RFC 9110 would let identical values repeat in a list; llhttp does
/// not, and a request that needs it has been tampered with.
struct ContentLengthValue: Sendable {
    private enum State: Sendable {
        case leadingWhitespace
        case digits
        case trailingWhitespace
    }

    private var state = State.leadingWhitespace
    private var value = 0
    /// The next byte of the field value to read.
    private var cursor: Int

    /// Starts reading the value that begins at `valueStart`.
    init(valueStart: Int) {
        cursor = valueStart
    }

    /// Reads the value's bytes from where the last call stopped up to `end`.
    mutating func read(_ bytes: UnsafeRawBufferPointer, upTo end: Int) throws(HTTPParseError) {
        while cursor < end {
            let byte = bytes[cursor]
            cursor += 1
            if HTTPByte.isDigit(byte) {
                guard state != .trailingWhitespace else { throw .invalidContentLength }
                state = .digits
                let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
                let (sum, carried) = shifted.addingReportingOverflow(Int(byte &- 0x30))
                guard !overflowed, !carried else { throw .contentLengthOverflow }
                value = sum
            } else if HTTPByteClass.of(byte).contains(.whitespace) {
                if state == .digits { state = .trailingWhitespace }
            } else {
                throw .invalidContentLength
            }
        }
    }

    /// The length, once the whole value has been read.
    func finish() throws(HTTPParseError) -> Int {
        guard state != .leadingWhitespace else { throw .invalidContentLength }
        return value
    }
}
