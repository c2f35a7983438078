import Testing
@testable import AsyncWebHTTP

@Suite struct ChunkedBodyDecoderTests {
    private typealias Decoded = ChunkedBodyDecoder.Decoded

    @Test func chunksAreJoinedIntoTheBody() throws {
        let decoded = try ChunkedBodyDecoder.decode("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
        #expect(decoded == Decoded(body: Array("hello world".utf8), ended: true))
    }

    @Test func hexadecimalSizesInEitherCaseAndLeadingZerosAreRead() throws {
        let decoded = try ChunkedBodyDecoder.decode("a\r\n0123456789\r\n0B\r\nabcdefghijk\r\n000\r\n\r\n")
        #expect(decoded.body.count == 21)
        #expect(decoded.ended)
    }

    @Test func bytesAfterTheEndBelongToTheNextRequest() throws {
        let decoded = try ChunkedBodyDecoder.decode("1\r\na\r\n0\r\n\r\nGET / HTTP/1.1\r\n")
        #expect(decoded.rest == Array("GET / HTTP/1.1\r\n".utf8))
    }

    @Test func inputEndingMidBodyIsNotAnError() throws {
        let decoded = try ChunkedBodyDecoder.decode("5\r\nhel")
        #expect(decoded == Decoded(body: Array("hel".utf8), ended: false))
    }

    @Test func decoderConsumesNothingAfterTheEnd() throws {
        var decoder = ChunkedBodyDecoder(maxBodySize: 100, maxTrailerBytes: 100)
        let input = Array("0\r\n\r\nextra".utf8)
        var cursor = 0
        try input.withUnsafeBytes { buffer in
            Result { () throws(HTTPParseError) in
                #expect(try decoder.next(in: buffer, at: &cursor) == .end)
                #expect(try decoder.next(in: buffer, at: &cursor) == nil)
            }
        }.get()
        #expect(cursor == 5)
        #expect(decoder.isComplete)
    }

    @Test func chunkedBodySplitAnywhereDecodesTheSame() throws {
        let input = Array("5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\nnext".utf8)
        let whole = try ChunkedBodyDecoder.decode([input])
        #expect(whole == Decoded(body: Array("hello world".utf8), ended: true, rest: Array("next".utf8)))
        for split in 0...input.count {
            let pieces = [Array(input[..<split]), Array(input[split...])]
            #expect(try ChunkedBodyDecoder.decode(pieces) == whole, "split at \(split)")
        }
        #expect(try ChunkedBodyDecoder.decode(input.map { [$0] }) == whole, "byte by byte")
    }

    @Test func dataIsReportedAsRangesOfTheInputWithoutCopying() throws {
        var decoder = ChunkedBodyDecoder(maxBodySize: 100, maxTrailerBytes: 100)
        let input = Array("3\r\nabc\r\n".utf8)
        var cursor = 0
        let event = try input.withUnsafeBytes { buffer in
            Result { () throws(HTTPParseError) in try decoder.next(in: buffer, at: &cursor) }
        }.get()
        #expect(event == .data(3..<6))
    }
}

@Suite struct ChunkExtensionTests {
    @Test func extensionsWithTokenAndQuotedValuesAreSkipped() throws {
        let decoded = try ChunkedBodyDecoder.decode(
            "5;a;b=c;d=\"q \\\"x\\\" ;\"\r\nhello\r\n0;last\r\n\r\n")
        #expect(decoded.body == Array("hello".utf8))
        #expect(decoded.ended)
    }

    @Test func badWhitespaceAroundExtensionSeparatorsIsAccepted() throws {
        let decoded = try ChunkedBodyDecoder.decode("5 ;\ta = b ; c\r\nhello\r\n0\r\n\r\n")
        #expect(decoded.body == Array("hello".utf8))
    }

    @Test func whitespaceAfterSizeWithoutExtensionIsRejected() {
        #expect(throws: HTTPParseError.invalidChunkSize) { try ChunkedBodyDecoder.decode("5 \r\nhello\r\n0\r\n\r\n") }
        #expect(throws: HTTPParseError.invalidChunkSize) { try ChunkedBodyDecoder.decode("2 erf\r\naa\r\n0\r\n\r\n") }
    }

    @Test func emptyExtensionIsRejected() {
        #expect(throws: HTTPParseError.invalidChunkExtension) { try ChunkedBodyDecoder.decode("2;\r\naa\r\n0\r\n\r\n") }
        #expect(throws: HTTPParseError.invalidChunkExtension) { try ChunkedBodyDecoder.decode("2;a=\r\naa\r\n0\r\n\r\n") }
        #expect(throws: HTTPParseError.invalidChunkExtension) { try ChunkedBodyDecoder.decode("2;a \r\naa\r\n0\r\n\r\n") }
    }

    @Test func unterminatedQuotedValueIsRejected() {
        #expect(throws: HTTPParseError.invalidChunkExtension) {
            try ChunkedBodyDecoder.decode("5;a=\"def; ghi\r\nhello\r\n0\r\n\r\n")
        }
    }

    @Test func chunkLineLongerThanTheLimitIsRejected() {
        let longExtension = "1;x=" + String(repeating: "y", count: ChunkSizeLineScanner.maxLineLength)
        #expect(throws: HTTPParseError.chunkLineTooLong) { try ChunkedBodyDecoder.decode(longExtension) }
    }
}

@Suite struct ChunkFramingTests {
    @Test func sizeThatIsNotHexadecimalIsRejected() {
        for size in ["g", "-5", "+5", "0x5", "", " 5"] {
            #expect(throws: HTTPParseError.invalidChunkSize, "\(size)") {
                try ChunkedBodyDecoder.decode("\(size)\r\nhello\r\n0\r\n\r\n")
            }
        }
    }

    @Test func missingLastChunkIsRejected() {
        #expect(throws: HTTPParseError.invalidChunkSize) { try ChunkedBodyDecoder.decode("3\r\nfoo\r\n\r\n") }
    }

    @Test func sizeTooLargeToRepresentIsRejected() {
        #expect(throws: HTTPParseError.chunkSizeOverflow) {
            try ChunkedBodyDecoder.decode("80000000000000000\r\n", maxBodySize: .max)
        }
    }

    @Test func bodyOverTheMaximumGives413AsSoonAsAChunkAnnouncesIt() {
        #expect(throws: HTTPParseError.bodyTooLarge) { try ChunkedBodyDecoder.decode("5\r\nhello\r\n6\r\n", maxBodySize: 10) }
        #expect(throws: Never.self) { try ChunkedBodyDecoder.decode("5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n", maxBodySize: 10) }
    }

    @Test func chunkDataNotFollowedByCRLFIsRejected() {
        #expect(throws: HTTPParseError.chunkDataWithoutCRLF) { try ChunkedBodyDecoder.decode("5\r\nABCDE0\r\n\r\n") }
        #expect(throws: HTTPParseError.chunkDataWithoutCRLF) { try ChunkedBodyDecoder.decode("5\r\nABCDE\rX") }
        #expect(throws: HTTPParseError.chunkDataWithoutCRLF) { try ChunkedBodyDecoder.decode("5\r\nABCDE\n0\r\n\r\n") }
    }

    @Test func sizeLineMustEndWithCRLF() {
        #expect(throws: HTTPParseError.bareLineFeed) { try ChunkedBodyDecoder.decode("5\nhello\r\n0\r\n\r\n") }
        #expect(throws: HTTPParseError.bareCarriageReturn) { try ChunkedBodyDecoder.decode("5\r\r;ABCD\r\n") }
    }
}

@Suite struct ChunkedTrailerTests {
    @Test func trailerFieldsAreReadAndEndTheBody() throws {
        let decoded = try ChunkedBodyDecoder.decode("1\r\na\r\n0\r\nVary: *\r\nContent-Type: text/plain\r\n\r\nnext")
        #expect(decoded.ended)
        #expect(decoded.rest == Array("next".utf8))
    }

    @Test func trailerFieldsFollowTheHeaderRules() {
        #expect(throws: HTTPParseError.bareLineFeed) { try ChunkedBodyDecoder.decode("0\r\nX: a\nY: b\r\n\r\n") }
        #expect(throws: HTTPParseError.obsoleteLineFolding) { try ChunkedBodyDecoder.decode("0\r\nX: a\r\n b\r\n\r\n") }
        #expect(throws: HTTPParseError.whitespaceBeforeColon) { try ChunkedBodyDecoder.decode("0\r\nX : a\r\n\r\n") }
        #expect(throws: HTTPParseError.invalidHeaderValue) { try ChunkedBodyDecoder.decode("0\r\nX: \u{1}\r\n\r\n") }
    }

    @Test func trailersOverTheLimitGive431() {
        let trailer = "0\r\nX: " + String(repeating: "a", count: 100) + "\r\n\r\n"
        #expect(throws: HTTPParseError.trailerFieldsTooLarge) { try ChunkedBodyDecoder.decode(trailer, maxTrailerBytes: 64) }
        #expect(throws: Never.self) { try ChunkedBodyDecoder.decode(trailer, maxTrailerBytes: 107) }
    }

    @Test func trailersSplitAcrossBuffersCountTowardsOneLimit() {
        let trailer = Array(("0\r\nX: " + String(repeating: "a", count: 100) + "\r\n\r\n").utf8)
        #expect(throws: HTTPParseError.trailerFieldsTooLarge) {
            try ChunkedBodyDecoder.decode(trailer.map { [$0] }, maxTrailerBytes: 64)
        }
    }
}
