internal import AsyncWebEncoding
internal import IOUring

/// The text of a request line as Werkzeug's development server logs it (`log_request`): the
/// target passed through `uri_to_iri`, then control characters escaped.
///
/// `uri_to_iri` decodes the percent-escapes of UTF-8 text, keeping those whose decoding would
/// change the URL's meaning: in every part controls, space, `%` and DEL; in the path also `/`,
/// `?` and `#`; in the query `&`, `=`, `+` and `#`. Bytes that are not UTF-8 are escaped
/// again, in capitals (`%ff` shows as `%FF`). An empty query or fragment is dropped, as
/// `urlunsplit` drops it (`/?` shows as `/`); the scheme and host of an absolute target are
/// lowered. Before all that, Python's `http.server` reduces
/// leading slashes to one (`//evil.example/x` shows as `/evil.example/x`). Then code points
/// below 0x20 and from 0x7F to 0x9F become `\xNN`, and `\` becomes `\\`.
enum WerkzeugLoggedText {
    /// Which escaped bytes a part of the URL keeps escaped.
    private enum Part {
        case path, query, fragment

        func keepsEscaped(_ byte: UInt8) -> Bool {
            if byte <= 0x20 || byte == 0x25 || byte == 0x7F { return true }
            switch self {
            case .path: return byte == 0x2F || byte == 0x3F || byte == 0x23
            case .query: return byte == 0x26 || byte == 0x3D || byte == 0x2B || byte == 0x23
            case .fragment: return false
            }
        }
    }

    /// Appends the request line of a parsed head: method, target as an IRI, version.
    static func appendParsedLine(_ line: AccessLogEntry.RequestLine, target: Range<Int>, to output: IOBuffer) {
        let bytes = line.bytes
        output.append(contentsOf: bytes[bytes.startIndex..<target.lowerBound])
        appendTarget(bytes[target], to: output)
        output.append(contentsOf: bytes[target.upperBound..<bytes.endIndex])
    }

    /// Appends a line that did not parse as Python reads it, one ISO-8859-1 character a
    /// byte, with controls escaped.
    static func appendUnparsedLine(_ bytes: ArraySlice<UInt8>, to output: IOBuffer) {
        for byte in bytes {
            if byte >= 0xA0 {
                // The character U+00A0…U+00FF, in UTF-8.
                output.append(0xC0 | byte >> 6)
                output.append(0x80 | byte & 0x3F)
            } else {
                appendEscapedCodePoint(byte, to: output)
            }
        }
    }

    /// Appends a request-target as `uri_to_iri` shows it.
    static func appendTarget(_ target: ArraySlice<UInt8>, to output: IOBuffer) {
        let startsWithTwoSlashes = target.count > 1 && target.first == 0x2F && target[target.startIndex + 1] == 0x2F
        // The common target has nothing to decode, escape, reduce or drop.
        if !startsWithTwoSlashes, target.last != 0x3F, !target.contains(where: { $0 == 0x25 || $0 == 0x5C || $0 == 0x23 }) {
            output.append(contentsOf: target)
            return
        }
        var target = target
        if startsWithTwoSlashes {
            // A path, not an authority: Python's guard against open redirects (gh-87389).
            let firstOther = target.firstIndex { $0 != 0x2F } ?? target.endIndex
            target = target[(firstOther - 1)...]
        }
        let fragmentStart = target.firstIndex(of: 0x23)
        let beforeFragment = target[..<(fragmentStart ?? target.endIndex)]
        let queryStart = beforeFragment.firstIndex(of: 0x3F)
        let pathEnd = queryStart ?? beforeFragment.endIndex
        let pathStart = authorityEnd(target[..<pathEnd])
        // `urlsplit` lowers the scheme and the host of an absolute target.
        for byte in target[target.startIndex..<pathStart] {
            appendEscapedCodePoint((0x41...0x5A).contains(byte) ? byte | 0x20 : byte, to: output)
        }
        append(target[pathStart..<pathEnd], as: .path, to: output)
        if let queryStart, queryStart + 1 < beforeFragment.endIndex {
            output.append(0x3F)
            append(beforeFragment[(queryStart + 1)...], as: .query, to: output)
        }
        if let fragmentStart, fragmentStart + 1 < target.endIndex {
            output.append(0x23)
            append(target[(fragmentStart + 1)...], as: .fragment, to: output)
        }
    }

    /// Where the path starts after the `scheme://authority` of an absolute target, which
    /// `uri_to_iri` does not unquote; the start of `target` for a target that begins with its path.
    private static func authorityEnd(_ target: ArraySlice<UInt8>) -> Int {
        guard target.first != 0x2F, let colon = target.firstIndex(of: 0x3A),
            target[colon...].starts(with: [0x3A, 0x2F, 0x2F])
        else { return target.startIndex }
        return target[(colon + 3)...].firstIndex(of: 0x2F) ?? target.endIndex
    }

    /// Appends one part of the URL with its UTF-8 escapes decoded.
    private static func append(_ part: ArraySlice<UInt8>, as kind: Part, to output: IOBuffer) {
        var index = part.startIndex
        while index < part.endIndex {
            let (lead, afterLead) = unit(at: index, in: part, kind)
            index = afterLead
            guard lead.decoded, lead.byte >= 0x80 else {
                appendEscapedCodePoint(lead.byte, to: output)
                continue
            }
            if let (scalar, next) = utf8Sequence(startingWith: lead.byte, at: afterLead, in: part, kind) {
                appendScalar(scalar, to: output)
                index = next
            } else {
                appendPercentEscape(lead.byte, to: output)
            }
        }
    }

    /// The byte at `index`: decoded from `%XX` unless the part keeps it escaped, else the
    /// byte itself; and where the next one starts.
    private static func unit(
        at index: Int, in part: ArraySlice<UInt8>, _ kind: Part
    ) -> ((byte: UInt8, decoded: Bool), Int) {
        if part[index] == 0x25, index + 2 < part.endIndex,
            let high = HexDigit.value(part[index + 1]), let low = HexDigit.value(part[index + 2])
        {
            let byte = high << 4 | low
            if !kind.keepsEscaped(byte) { return ((byte, true), index + 3) }
        }
        return ((part[index], false), index + 1)
    }

    /// The scalar of a whole, valid UTF-8 sequence of decoded bytes that starts with `lead`,
    /// and where the input after it starts; nil when the sequence is broken.
    private static func utf8Sequence(
        startingWith lead: UInt8, at index: Int, in part: ArraySlice<UInt8>, _ kind: Part
    ) -> (UInt32, Int)? {
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default: return nil
        }
        var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        var position = index
        for continuation in 1..<length {
            guard position < part.endIndex else { return nil }
            let (unit, next) = unit(at: position, in: part, kind)
            let allowed = continuation == 1 ? secondRange : 0x80...0xBF
            guard unit.decoded, allowed ~= unit.byte else { return nil }
            scalar = scalar << 6 | UInt32(unit.byte & 0x3F)
            position = next
        }
        return (scalar, position)
    }

    /// Appends a decoded scalar in UTF-8, or escaped when it is a C1 control.
    private static func appendScalar(_ scalar: UInt32, to output: IOBuffer) {
        if scalar <= 0x9F {
            appendEscapedCodePoint(UInt8(scalar), to: output)
        } else {
            output.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
        }
    }

    /// Appends a code point below 0x100 other than a UTF-8 lead, escaping controls and `\`.
    private static func appendEscapedCodePoint(_ byte: UInt8, to output: IOBuffer) {
        if byte == 0x5C {
            output.append(0x5C)
            output.append(0x5C)
        } else if byte < 0x20 || (0x7F...0x9F).contains(byte) {
            output.append(contentsOf: [0x5C, 0x78, lowerHex(byte >> 4), lowerHex(byte & 0xF)])
        } else {
            output.append(byte)
        }
    }

    private static func appendPercentEscape(_ byte: UInt8, to output: IOBuffer) {
        output.append(contentsOf: [0x25, upperHex(byte >> 4), upperHex(byte & 0xF)])
    }

    private static func lowerHex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }
    private static func upperHex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x37 + nibble }
}
