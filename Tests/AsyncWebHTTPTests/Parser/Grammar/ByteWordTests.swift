import Testing
@testable import AsyncWebHTTP

/// The eight-bytes-at-once tests must never call a word plain when one of
/// its bytes is not; every byte value is tried at every position.
@Suite struct ByteWordTests {
    private func run(of byte: UInt8, at position: Int, in plain: UInt8) -> [UInt8] {
        var bytes = [UInt8](repeating: plain, count: 8)
        bytes[position] = byte
        return bytes + [plain]
    }

    @Test func plainFieldContentStopsAtEveryControlByteAndDelete() {
        for byte in 0...255 as ClosedRange<UInt8> {
            for position in 0..<8 {
                let bytes = run(of: byte, at: position, in: 0x61)
                let end = bytes.withUnsafeBytes { ByteWord.endOfPlainFieldContent($0, from: 0, to: 9) }
                let plain = byte >= 0x20 && byte != 0x7F
                #expect(end == (plain ? 8 : 0), "byte \(byte) at \(position)")
            }
        }
    }

    @Test func plainTargetStopsAtEveryByteOutsideVisibleASCII() {
        for byte in 0...255 as ClosedRange<UInt8> {
            for position in 0..<8 {
                let bytes = run(of: byte, at: position, in: 0x2F)
                let end = bytes.withUnsafeBytes { ByteWord.endOfPlainTarget($0, from: 0, to: 9) }
                let plain = (0x21...0x7E).contains(byte)
                #expect(end == (plain ? 8 : 0), "byte \(byte) at \(position)")
            }
        }
    }

    @Test func shortTailIsLeftForTheByteByByteScan() {
        let bytes = Array("abcdefg".utf8)
        #expect(bytes.withUnsafeBytes { ByteWord.endOfPlainFieldContent($0, from: 0, to: 7) } == 0)
    }
}
