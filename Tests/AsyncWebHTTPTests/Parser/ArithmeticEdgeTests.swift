import Testing
@testable import AsyncWebHTTP

/// Numbers a client writes into a request's framing, at the edges of `Int`:
/// each is refused with a status or accepted, never computed into a trap.
@Suite("HTTP parser: arithmetic at the edges")
struct ParserArithmeticEdgeTests {
    @Test func sixteenHexDigitChunkSizesPastIntMaxAreRefused() {
        for size in ["8000000000000000", "FFFFFFFFFFFFFFFF", "ffffffffffffffff0"] {
            #expect(throws: HTTPParseError.chunkSizeOverflow, "\(size)") {
                try ChunkedBodyDecoder.decode("\(size)\r\n", maxBodySize: .max)
            }
        }
    }

    @Test func chunkSizeOfIntMaxIsAnnouncedAndItsDataAwaited() throws {
        let decoded = try ChunkedBodyDecoder.decode("7FFFFFFFFFFFFFFF\r\nabc", maxBodySize: .max)
        #expect(decoded.body == Array("abc".utf8))
        #expect(!decoded.ended)
    }

    @Test func leadingZerosDoNotCountTowardTheSize() throws {
        let decoded = try ChunkedBodyDecoder.decode("00000000000000000000000003\r\nabc\r\n0\r\n\r\n")
        #expect(decoded.body == Array("abc".utf8))
        #expect(decoded.ended)
    }

    @Test func chunkSizesSummingPastTheLimitGet413() {
        #expect(throws: HTTPParseError.bodyTooLarge) {
            try ChunkedBodyDecoder.decode("1\r\na\r\n7FFFFFFFFFFFFFFF\r\n", maxBodySize: .max)
        }
    }

    @Test func trailersAreReadUnderABudgetOfIntMax() throws {
        let decoded = try ChunkedBodyDecoder.decode(
            [Array("1\r\na\r\n0\r\nX-Trailer: 1\r\n\r\n".utf8)], maxBodySize: .max, maxTrailerBytes: .max)
        #expect(decoded.body == Array("a".utf8))
        #expect(decoded.ended)
    }

    @Test func requestLineLimitOfIntMaxSurvivesLeadingEmptyLines() throws {
        let limits = HTTPParserLimits(maxRequestLineLength: .max)
        let head = try RequestHeadParser.head(of: "\r\n\r\nGET /after-empty-lines HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits)
        #expect(head?.path == "/after-empty-lines")
    }
}
