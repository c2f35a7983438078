internal import Glibc

/// C's `printf` for one `double`, which rounds exactly as Python's float
/// formatting does (both are correctly rounded), so `%.2f` and `{:.2f}`
/// can share it.
enum CFormat {
    /// `value` formatted by a printf `format` with one conversion, e.g. `"%.3e"`.
    static func double(_ value: Double, _ format: String) -> String {
        let length = withVaList([value]) { vsnprintf(nil, 0, format, $0) }
        guard length > 0 else { return "" }
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        _ = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList([value]) { vsnprintf(pointer.baseAddress, pointer.count, format, $0) }
        }
        return String(decoding: buffer.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
