/// `%XX` escapes as Python's `unquote_to_bytes` reads them, and text whose invalid bytes
/// stay escaped, as Werkzeug's `werkzeug.url_quote` error handler writes them.
package enum PercentDecoding {
    /// The bytes of `input` with every `%` and two hex digits replaced by that byte.
    ///
    /// A `%` without two hex digits after it is kept as it is (`100%`, `%zz`); with
    /// `plusAsSpace`, as in a query string, `+` is a space (and `%2B` a plus).
    package static func decode<Bytes: Collection>(_ input: Bytes, plusAsSpace: Bool) -> [UInt8] where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = input.startIndex
        while index != input.endIndex {
            let byte = input[index]
            input.formIndex(after: &index)
            if byte == UInt8(ascii: "+") && plusAsSpace {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index != input.endIndex, let high = HexDigit.value(input[index]) {
                let next = input.index(after: index)
                if next != input.endIndex, let low = HexDigit.value(input[next]) {
                    output.append(high << 4 | low)
                    index = input.index(after: next)
                } else {
                    output.append(byte)
                }
            } else {
                output.append(byte)
            }
        }
        return output
    }
}

extension String {
    /// The UTF-8 text of `bytes`, where each byte that is not part of a valid sequence is
    /// written as `%XX` (upper-case hex) instead of being lost.
    ///
    /// Werkzeug 2.3+ decodes query strings this way ("invalid bytes remain percent
    /// encoded"), so `?a=%FF` gives `"%FF"` and the original bytes can still be recovered.
    package init(decodingUTF8EscapingInvalidBytes bytes: [UInt8]) {
        if let text = String(validating: bytes, as: UTF8.self) {
            self = text
            return
        }
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] {
                    scalars.append(contentsOf: "%".unicodeScalars)
                    scalars.append(Self.upperHexDigit(byte >> 4))
                    scalars.append(Self.upperHexDigit(byte & 0x0F))
                }
                offset += length
            case .emptyInput:
                break decoding
            }
        }
        self = String(scalars)
    }

    private static func upperHexDigit(_ nibble: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10)
    }
}
