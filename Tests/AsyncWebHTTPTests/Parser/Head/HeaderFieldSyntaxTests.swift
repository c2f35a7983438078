import Testing
@testable import AsyncWebHTTP

@Suite struct HeaderFieldSyntaxTests {
    @Test func bareLineFeedIsRejected() {
        #expect(throws: HTTPParseError.bareLineFeed) { try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n") }
        #expect(throws: HTTPParseError.bareLineFeed) { try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost: a\r\n\n") }
        #expect(throws: HTTPParseError.bareLineFeed) { try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nX:\nHost: a\r\n\r\n") }
    }

    @Test func bareCarriageReturnIsRejected() {
        #expect(throws: HTTPParseError.bareCarriageReturn) { try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n") }
        #expect(throws: HTTPParseError.bareCarriageReturn) { try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost: a\r\n\rX") }
    }

    @Test func obsoleteLineFoldingIsRejected() {
        #expect(throws: HTTPParseError.obsoleteLineFolding) {
            try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost: a\r\nX: b\r\n c\r\n\r\n")
        }
        #expect(throws: HTTPParseError.obsoleteLineFolding) {
            try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost: a\r\nX: b\r\n\tc\r\n\r\n")
        }
    }

    @Test func whitespaceBeforeTheFirstHeaderIsRejected() {
        #expect(throws: HTTPParseError.obsoleteLineFolding) { try RequestHeadParser.head(of: "GET / HTTP/1.1\r\n Host: a\r\n\r\n") }
    }

    @Test func whitespaceBetweenNameAndColonIsRejected() {
        #expect(throws: HTTPParseError.whitespaceBeforeColon) {
            try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost: a\r\nContent-Length : 4\r\n\r\n")
        }
        #expect(throws: HTTPParseError.whitespaceBeforeColon) {
            try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n")
        }
    }

    @Test func headerLineWithoutColonIsRejected() {
        #expect(throws: HTTPParseError.headerLineWithoutColon) { try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost\r\n\r\n") }
    }

    @Test func emptyHeaderNameIsRejected() {
        #expect(throws: HTTPParseError.emptyHeaderName) { try RequestHeadParser.head(of: "GET / HTTP/1.1\r\n: a\r\n\r\n") }
    }

    @Test func nonTokenCharacterInHeaderNameIsRejected() {
        for name in ["Fo@", "X{", "a\"b", "Ä"] {
            #expect(throws: HTTPParseError.invalidHeaderName, "\(name)") {
                try RequestHeadParser.head(of: "GET / HTTP/1.1\r\n\(name): a\r\n\r\n")
            }
        }
    }

    @Test func controlByteInValueIsRejected() {
        for byte: UInt8 in [0x00, 0x01, 0x0B, 0x0C, 0x1F, 0x7F] {
            let head = Array("GET / HTTP/1.1\r\nHost: a\r\nX: a".utf8) + [byte] + Array("b\r\n\r\n".utf8)
            #expect(throws: HTTPParseError.invalidHeaderValue, "byte \(byte)") { try RequestHeadParser.head(of: head) }
        }
    }

    @Test func tabAndObsTextAreAllowedInValues() throws {
        let bytes = Array("GET / HTTP/1.1\r\nHost: a\r\nX: a\tD".utf8) + [0xFC, 0xFF] + Array("\r\n\r\n".utf8)
        let head = try #require(try RequestHeadParser.head(of: bytes))
        #expect(Array(head.headerValueBytes(at: 1)) == Array("a\tD".utf8) + [0xFC, 0xFF])
    }

    @Test func whitespaceAroundValuesIsTrimmed() throws {
        let head = try #require(try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost:a\r\nX: \t a \t b\t \r\n\r\n"))
        #expect(head.headerValue(at: 0) == "a")
        #expect(head.headerValue(at: 1) == "a \t b")
    }

    @Test func emptyValueIsAllowed() throws {
        let head = try #require(try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost: a\r\nX:\r\nY: \t \r\n\r\n"))
        #expect(head.value(forHeader: "X") == "")
        #expect(head.value(forHeader: "Y") == "")
    }
}
