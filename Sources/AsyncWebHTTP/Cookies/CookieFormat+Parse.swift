internal import AsyncWebEncoding

extension CookieFormat {
    /// The pairs of a `Cookie` request field, in order, as Werkzeug's `parse_cookie` reads
    /// them: names trimmed and empty ones skipped, a name alone has value "", quoted values
    /// unescaped (`\"`, `\\`, octal bytes).
    ///
    /// Werkzeug matches `([^=;]*)(?:\s*=\s*("(?:[^\\"]|\\.)*"|.*?))?\s*;\s*` with `re.ASCII`,
    /// then `str.strip()`s both parts. Every delimiter is ASCII, so this walks the UTF-8
    /// bytes and copies each name and value once.
    package static func parse(_ header: Substring) -> [(name: String, value: String)] {
        var header = header
        return header.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        let end = bytes.count
        var index = 0
        while index < end {
            var nameEnd = index
            while nameEnd < end, bytes[nameEnd] != UInt8(ascii: "="), bytes[nameEnd] != UInt8(ascii: ";") { nameEnd += 1 }
            let name = stripped(bytes, index..<nameEnd)
            var value = ""
            var next = nameEnd
            if nameEnd < end, bytes[nameEnd] == UInt8(ascii: "=") {
                var valueStart = nameEnd + 1
                while valueStart < end, isRegexWhitespace(bytes[valueStart]) { valueStart += 1 }
                var valueEnd = valueStart
                if valueStart < end, bytes[valueStart] == UInt8(ascii: "\""), let closing = closingQuote(bytes, after: valueStart),
                    followedBySeparator(bytes, from: closing + 1)
                {
                    valueEnd = closing + 1
                } else {
                    while valueEnd < end, bytes[valueEnd] != UInt8(ascii: ";") { valueEnd += 1 }
                }
                value = stripped(bytes, valueStart..<valueEnd)
                next = valueEnd
            }
            while next < end, bytes[next] != UInt8(ascii: ";") { next += 1 }
            index = next + 1
            guard !name.isEmpty else { continue }
            let utf8 = value.utf8
            if utf8.count >= 2, utf8.first == UInt8(ascii: "\""), utf8.last == UInt8(ascii: "\"") {
                value = unslash(utf8.dropFirst().dropLast())
            }
            pairs.append((name: name, value: value))
        }
        return pairs
    }

    /// `str.strip()` of the bytes in `range`: ASCII whitespace is trimmed here; the rare
    /// part that ends in a non-ASCII character goes through the Unicode-aware trim.
    private static func stripped(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, isPythonASCIIWhitespace(bytes[start]) { start += 1 }
        while end > start, isPythonASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 else { return text }
        return text.trimmingWerkzeugWhitespace()
    }

    /// `\s` under `re.ASCII`.
    private static func isRegexWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// What `str.strip()` trims among ASCII characters: `\s` and the separators U+001C to U+001F.
    private static func isPythonASCIIWhitespace(_ byte: UInt8) -> Bool {
        isRegexWhitespace(byte) || (0x1C...0x1F).contains(byte)
    }

    private static func closingQuote(_ bytes: UnsafeBufferPointer<UInt8>, after opening: Int) -> Int? {
        var index = opening + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "\"") { return index }
            index += 1
        }
        return nil
    }

    private static func followedBySeparator(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        while index < bytes.count, isRegexWhitespace(bytes[index]) { index += 1 }
        return index == bytes.count || bytes[index] == UInt8(ascii: ";")
    }

    /// Undoes the quoting: `\X` is `X`, `\ooo` is the byte with that octal value.
    private static func unslash(_ quoted: Substring.UTF8View) -> String {
        let bytes = Array(quoted)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let isOctal = index + 3 < bytes.count && (0x30...0x33).contains(bytes[index + 1])
                    && (0x30...0x37).contains(bytes[index + 2]) && (0x30...0x37).contains(bytes[index + 3])
                if isOctal {
                    output.append((bytes[index + 1] - 48) * 64 + (bytes[index + 2] - 48) * 8 + (bytes[index + 3] - 48))
                    index += 4
                } else {
                    output.append(bytes[index + 1])
                    index += 2
                }
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
