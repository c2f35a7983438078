import Testing
import AsyncWebHTTP

/// Valid connections mutated at random (a fixed seed keeps the run
/// reproducible): bytes flipped, dropped, or grammar fragments inserted.
/// Whatever the result, it must not depend on how the input is split; this
/// is how a Content-Length error hidden behind a later bare LF was found.
@Suite struct MutatedRequestTests {
    static let mutations = 3000

    private static let connections = [
        "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /b?c=d HTTP/1.1\r\nHost: b\r\nConnection: close\r\n\r\n",
        "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n6\r\n world\r\n0\r\nX: y\r\n\r\n",
        "PUT /u HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\nhelloOPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
        "\r\nGET http://a/b HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",
    ].map { Array($0.utf8) }

    private static let fragments = [
        "\r\n", "\r", "\n", ":", " ", "\t", ",", ";", "=", "\"", "\u{7F}", "Content-Length: 1", "Transfer-Encoding: chunked",
        "chunked", "0\r\n\r\n", "Host: a\r\n", "HTTP/1.0", "Expect: 100-continue", "Connection: close",
    ].map { Array($0.utf8) }

    @Test func mutatedConnectionGivesTheSameOutcomeHoweverItIsSplit() {
        var random = SplitMix64(seed: 0x5EED)
        for _ in 0..<Self.mutations {
            var input = Self.connections[random.next(below: Self.connections.count)]
            for _ in 0...random.next(below: 3) {
                let position = random.next(below: input.count + 1)
                switch random.next(below: 3) {
                case 0 where position < input.count: input[position] = UInt8(truncatingIfNeeded: random.next())
                case 1: input.insert(contentsOf: Self.fragments[random.next(below: Self.fragments.count)], at: position)
                default: if position < input.count { input.remove(at: position) }
                }
            }
            let whole = ConnectionReplay.outcome(of: input)
            let third = max(1, input.count / 3)
            let thirds = stride(from: 0, to: input.count, by: third).map { input[$0..<min(input.count, $0 + third)] }
            #expect(ConnectionReplay.outcomeByteByByte(of: input) == whole, "\(input)")
            #expect(ConnectionReplay.outcome(of: thirds) == whole, "\(input)")
        }
    }
}

/// A small, seedable generator, so a failing mutation can be replayed.
private struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
