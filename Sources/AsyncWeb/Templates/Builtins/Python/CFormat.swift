internal import Glibc

/// C's `printf` for one `double`, which rounds exactly as Python's float
/// formatting does (both are correctly rounded), so `%.2f` and `{:.2f}`
/// can share it.
enum CFormat {
    /// `value` formatted by a printf `format` with one conversion, e.g. `"%.3e"`.
    static func double(_ value: Double, _ format: String) -> String {
        // Most numbers fit in a small buffer; only huge `%f` values need a second pass.
        let small = 64
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: small) { buffer in
            let length = Int(withVaList([value]) { vsnprintf(buffer.baseAddress, small, format, $0) })
            guard length >= 0 else { return "" }
            if length < small {
                return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: length), as: UTF8.self)
            }
            var large = [CChar](repeating: 0, count: length + 1)
            _ = large.withUnsafeMutableBufferPointer { pointer in
                withVaList([value]) { vsnprintf(pointer.baseAddress, pointer.count, format, $0) }
            }
            return String(decoding: large.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
