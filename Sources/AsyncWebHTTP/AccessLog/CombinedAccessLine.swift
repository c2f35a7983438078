internal import IOUring

/// A line of the combined log format with the duration (see ``AccessLogConfiguration/Format/combined``):
/// ```
/// 127.0.0.1 - - [06/Dec/2026:10:00:00 +0100] "GET / HTTP/1.1" 200 13 "-" "curl/8.5.0" 154
/// ```
enum CombinedAccessLine {
    /// Appends the entry's line, ending in `\n`.
    static func append(_ entry: AccessLogEntry, time: [UInt8], to output: IOBuffer) {
        output.append(contentsOf: entry.client)
        output.append(" - - [")
        output.append(contentsOf: time)
        output.append("] \"")
        appendEscaped(entry.requestLine.bytes, to: output)
        output.append("\" ")
        output.appendDecimal(entry.status)
        output.append(0x20)
        if entry.bodyByteCount > 0 {
            output.appendDecimal(entry.bodyByteCount)
        } else {
            output.append(0x2D)
        }
        output.append(" \"")
        appendField(entry.referer, to: output)
        output.append("\" \"")
        appendField(entry.userAgent, to: output)
        output.append("\" ")
        let (seconds, attoseconds) = (entry.duration ?? .zero).components
        output.appendDecimal(Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000))
        output.append(0x0A)
    }

    /// A header's value escaped, or `-` when the request had none.
    private static func appendField(_ value: ArraySlice<UInt8>?, to output: IOBuffer) {
        guard let value, !value.isEmpty else { return output.append(0x2D) }
        appendEscaped(value, to: output)
    }

    /// The bytes with `"`, `\` and anything outside printable ASCII as `\xHH`, as nginx
    /// writes variables into a log line: the line stays one line, and its quotes stay quotes.
    private static func appendEscaped(_ bytes: ArraySlice<UInt8>, to output: IOBuffer) {
        for byte in bytes {
            if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte > 0x7E {
                output.append(contentsOf: [0x5C, 0x78, upperHex(byte >> 4), upperHex(byte & 0xF)])
            } else {
                output.append(byte)
            }
        }
    }

    private static func upperHex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x37 + nibble }
}
