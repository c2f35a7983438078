/// The bytes a render writes, UTF-8: appending copies bytes and escaping
/// rewrites them in place, without the bookkeeping of growing a `String`.
///
/// Each piece of a render (the page, a macro's result, a block rendered as a
/// value) makes its own output and passes it `inout`; copies of one would
/// share its bytes, which nothing here does.
struct TemplateOutput {
    private let buffer: TemplateOutputBuffer

    init(reservingCapacity capacity: Int = 0) {
        buffer = TemplateOutputBuffer(capacity: max(capacity, 64))
    }

    /// The rendered text.
    var text: String { String(decoding: buffer.written, as: UTF8.self) }

    /// The rendered bytes.
    var bytes: [UInt8] { Array(buffer.written) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append($0) }
    }

    mutating func append(_ utf8: [UInt8]) {
        utf8.withUnsafeBufferPointer { buffer.append($0) }
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
        case .object(let module as TemplateModule): append(module.body)
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
                buffer.append(UnsafeBufferPointer(rebasing: source[runStart..<index]))
                entity.withUTF8Buffer { buffer.append($0) }
                runStart = index + 1
            }
            buffer.append(UnsafeBufferPointer(rebasing: source[runStart...]))
        }
    }

    /// An integer's decimal digits, written without making a `String`.
    private mutating func appendDecimal(_ number: Int) {
        if number < 0 {
            guard number != .min else { return append(String(number)) }
            buffer.append(UInt8(ascii: "-"))
        }
        var magnitude = number.magnitude
        // Twenty digits hold any UInt64; the tuple is a buffer on the stack.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { stack in
            var position = stack.count
            repeat {
                position -= 1
                stack[position] = UInt8(48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            buffer.append(UnsafeBufferPointer(rebasing: stack.bindMemory(to: UInt8.self)[position...]))
        }
    }
}

/// The growable byte storage behind ``TemplateOutput``: appending is a bounds
/// check and a `memcpy`, where `Array.append(contentsOf:)` spends longer on
/// its generic bookkeeping than on copying the few bytes a node prints.
final class TemplateOutputBuffer {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        start = .allocate(capacity: capacity)
    }

    deinit { start.deallocate() }

    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        if bytes.count <= 16 {
            // Most pieces are a few bytes; a loop beats calling memmove for them.
            for offset in 0..<bytes.count { start[count + offset] = source[offset] }
        } else {
            (start + count).update(from: source, count: bytes.count)
        }
        count += bytes.count
    }

    func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: extra) }
    }

    @inline(never)
    private func grow(toHold extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: start, count: count)
        start.deallocate()
        start = grown
        capacity = newCapacity
    }
}
