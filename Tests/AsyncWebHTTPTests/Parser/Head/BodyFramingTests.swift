import Testing
@testable import AsyncWebHTTP

/// Content-Length and Transfer-Encoding, where request smuggling lives: any
/// doubt about where a body ends is a 400.
@Suite struct BodyFramingTests {
    private func head(_ fields: String, version: String = "HTTP/1.1") throws(HTTPParseError) -> RequestHead? {
        try RequestHeadParser.head(of: "POST / \(version)\r\nHost: a\r\n\(fields)\r\n")
    }

    @Test func requestWithoutLengthOrCodingHasNoBody() throws {
        #expect(try head("")?.bodyFraming == BodyFraming.none)
    }

    @Test func contentLengthGivesTheBodyLength() throws {
        #expect(try head("Content-Length: 42\r\n")?.bodyFraming == .contentLength(42))
        #expect(try head("content-length:\t007 \r\n")?.bodyFraming == .contentLength(7))
        #expect(try head("Content-Length: 0\r\n")?.bodyFraming == .contentLength(0))
    }

    @Test func contentLengthThatIsNotDigitsIsRejected() {
        for value in ["+5", "-5", "5a", "0x10", "4 2", "5,5", "5, 5", "1e3", ""] {
            #expect(throws: HTTPParseError.invalidContentLength, "\(value)") {
                try head("Content-Length: \(value)\r\n")
            }
        }
    }

    @Test func contentLengthTooLargeToRepresentIsRejected() throws {
        #expect(throws: HTTPParseError.contentLengthOverflow) { try head("Content-Length: 9223372036854775808\r\n") }
        #expect(try head("Content-Length: 9223372036854775807\r\n")?.bodyFraming == .contentLength(.max))
    }

    @Test func contentLengthOverflowIsRejectedBeforeItsLineEnds() {
        #expect(throws: HTTPParseError.contentLengthOverflow) {
            try RequestHeadParser.head(of: "PUT / HTTP/1.1\r\nContent-Length: 1000000000000000000000")
        }
    }

    @Test func contentLengthErrorIsReportedBeforeALaterLineEndingError() {
        // However the bytes arrive, the first wrong byte decides the error.
        #expect(throws: HTTPParseError.invalidContentLength) { try head("Content-Length: 1x\nX: y\r\n") }
        #expect(throws: HTTPParseError.invalidContentLength) { try head("Content-Length: 1x\rX: y\r\n") }
    }

    @Test func secondContentLengthIsRejectedEvenWithTheSameValue() {
        #expect(throws: HTTPParseError.duplicateContentLength) { try head("Content-Length: 5\r\nContent-Length: 5\r\n") }
        #expect(throws: HTTPParseError.duplicateContentLength) { try head("Content-Length: 1\r\nContent-Length: 2\r\n") }
    }

    @Test func contentLengthWithTransferEncodingIsRejected() {
        #expect(throws: HTTPParseError.contentLengthWithTransferEncoding) {
            try head("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n")
        }
        #expect(throws: HTTPParseError.contentLengthWithTransferEncoding) {
            try head("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n")
        }
    }

    @Test func chunkedTransferEncodingIsRecognisedInAnyCase() throws {
        #expect(try head("Transfer-Encoding: chunked\r\n")?.bodyFraming == .chunked)
        #expect(try head("Transfer-Encoding:  Chunked \r\n")?.bodyFraming == .chunked)
    }

    @Test func transferEncodingNotEndingInChunkedIsRejected() {
        for value in ["gzip", "identity", "chunked, gzip", "chunkedchunked", "chunked;x=1", ""] {
            #expect(throws: HTTPParseError.chunkedNotFinal, "\(value)") { try head("Transfer-Encoding: \(value)\r\n") }
        }
    }

    @Test func chunkedAppliedTwiceIsRejected() {
        #expect(throws: HTTPParseError.chunkedNotFinal) { try head("Transfer-Encoding: chunked, chunked\r\n") }
        #expect(throws: HTTPParseError.chunkedNotFinal) {
            try head("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n")
        }
    }

    @Test func codingBeforeChunkedGives501() {
        #expect(throws: HTTPParseError.unsupportedTransferCoding) { try head("Transfer-Encoding: gzip, chunked\r\n") }
        #expect(throws: HTTPParseError.unsupportedTransferCoding) {
            try head("Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n")
        }
    }

    @Test func transferEncodingInHTTP10IsRejected() {
        #expect(throws: HTTPParseError.transferEncodingInHTTP10) {
            try head("Transfer-Encoding: chunked\r\n", version: "HTTP/1.0")
        }
    }
}
