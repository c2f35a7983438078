import AsyncWebSigning
import Foundation
import Testing
import TestSupport

@Suite("zlib")
struct ZlibTests {
    @Test func compressesByteForByteAsPython() throws {
        let text = String(repeating: "{\"user\":\"alice\",\"cart\":[1,2,3]}", count: 20)
        let python = try PythonOracle.run("import sys, zlib; sys.stdout.buffer.write(zlib.compress(sys.argv[1].encode()))", arguments: [text])
        #expect(Zlib.compress(Array(text.utf8)) == Array(python))
        #expect(Zlib.decompress(Array(python)) == Array(text.utf8))
    }

    @Test func refusesDecompressionBombs() {
        let bomb = Zlib.compress([UInt8](repeating: 0, count: 2 << 20))
        #expect(Zlib.decompress(bomb) == nil)
        #expect(Zlib.decompress(bomb, limit: 4 << 20)?.count == 2 << 20)
    }
}
