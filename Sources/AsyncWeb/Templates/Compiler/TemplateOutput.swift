/// The bytes a render writes, UTF-8: appending copies bytes and escaping
/// rewrites them in place, without the bookkeeping of growing a `String`.
struct TemplateOutput {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The rendered text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ utf8: [UInt8]) {
        // Through a buffer pointer the array is borrowed, not retained and released.
        utf8.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }

    /// `{{ value }}` with autoescaping off: the value's `str()`.
    mutating func appendText(_ value: TemplateValue) throws {
        switch value {
        case .string(let text): append(text)
        case .markup(let markup): append(markup.html)
        case .int(let number): appendDecimal(number)
        default: append(try value.text())
        }
    }

    /// `{{ value }}` with autoescaping on: Markup as it is, everything else
    /// as its `str()` with `& < > " '` replaced by entities.
    mutating func appendEscaped(_ value: TemplateValue) throws {
        switch value {
        case .markup(let markup): append(markup.html)
        case .string(let text): appendEscaped(text)
        case .int(let number): appendDecimal(number)
        default: appendEscaped(try value.text())
        }
    }

    /// `text` with HTML's special characters replaced, as MarkupSafe does.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            for index in source.indices {
                let entity: StaticString
                switch source[index] {
                case 38: entity = "&amp;"
                case 60: entity = "&lt;"
                case 62: entity = "&gt;"
                case 34: entity = "&#34;"
                case 39: entity = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
    }

    /// An integer's decimal digits, written without making a `String`.
    private mutating func appendDecimal(_ number: Int) {
        if number < 0 {
            guard number != .min else { return append(String(number)) }
            bytes.append(UInt8(ascii: "-"))
        }
        var magnitude = number.magnitude
        // Twenty digits hold any UInt64; the tuple is a buffer on the stack.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: buffer[position...])
        }
    }
}
