/// The few ASCII bytes the HTTP/1.1 grammar names, and the case-insensitive
/// comparison that header names and tokens need (RFC 9110 §5.1, §5.6.2).
enum HTTPByte {
    static let carriageReturn: UInt8 = 0x0D
    static let lineFeed: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let horizontalTab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let comma: UInt8 = 0x2C
    static let equalsSign: UInt8 = 0x3D
    static let quotationMark: UInt8 = 0x22
    static let backslash: UInt8 = 0x5C
    static let slash: UInt8 = 0x2F
    static let questionMark: UInt8 = 0x3F
    static let numberSign: UInt8 = 0x23
    static let asterisk: UInt8 = 0x2A

    /// Where the request line starts in `bytes`: past the empty lines a client may send
    /// before it (RFC 9112 §2.2), which servers skip.
    static func requestLineStart<Bytes: Collection<UInt8>>(in bytes: Bytes) -> Bytes.Index {
        bytes.firstIndex { $0 != carriageReturn && $0 != lineFeed } ?? bytes.endIndex
    }

    /// `byte` with A–Z folded to a–z; every other byte unchanged.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Whether two byte strings are equal ignoring ASCII case.
    @inline(__always)
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ other: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == other.count else { return false }
        for index in 0..<bytes.count where lowercased(bytes[index]) != lowercased(other[index]) {
            return false
        }
        return true
    }

    /// Whether `bytes` spell `literal` ignoring ASCII case, without building a
    /// String: `literal` is compiled into the binary.
    @inline(__always)
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { equalsIgnoringCase(bytes, UnsafeRawBufferPointer($0)) }
    }

    /// Whether `bytes` spell `literal` exactly; methods are case-sensitive.
    @inline(__always)
    static func equals(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { utf8 in
            guard utf8.count == bytes.count else { return false }
            for index in 0..<utf8.count where utf8[index] != bytes[index] {
                return false
            }
            return true
        }
    }

    /// Whether `byte` is 0–9.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }
}
