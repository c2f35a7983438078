/// Eight bytes tested at once (SWAR), for the long runs of a head: header
/// values and request targets. A word that passes needs no per-byte table
/// lookup; one that fails is finished a byte at a time by the caller, which
/// still decides every byte with `HTTPByteClass`, so these tests only have
/// to be exact about "every byte is plainly fine".
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is below `limit`, which must be at most 0x80.
    @inline(__always)
    static func containsByte(below limit: UInt8, _ word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// Whether any byte of `word` equals `byte`.
    @inline(__always)
    static func containsByte(_ byte: UInt8, _ word: UInt64) -> Bool {
        let differences = word ^ (ones &* UInt64(byte))
        return (differences &- ones) & ~differences & highBits != 0
    }

    /// Whether any byte of `word` has its high bit set (is not ASCII).
    @inline(__always)
    static func containsNonASCII(_ word: UInt64) -> Bool {
        word & highBits != 0
    }

    /// The end of the run from `start` of bytes that are plainly field
    /// content (no control byte, not even HTAB, and no DEL), found eight
    /// bytes at a time; the caller goes on byte by byte from there.
    @inline(__always)
    static func endOfPlainFieldContent(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        var index = start
        while index + 8 <= end {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if containsByte(below: 0x20, word) || containsByte(0x7F, word) { break }
            index += 8
        }
        return index
    }

    /// The end of the run from `start` of bytes that are plainly target
    /// bytes (0x21–0x7E), found eight bytes at a time.
    @inline(__always)
    static func endOfPlainTarget(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        var index = start
        while index + 8 <= end {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if containsByte(below: 0x21, word) || containsByte(0x7F, word) || containsNonASCII(word) { break }
            index += 8
        }
        return index
    }
}
