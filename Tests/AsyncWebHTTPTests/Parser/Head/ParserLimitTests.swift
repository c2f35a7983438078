import Testing
@testable import AsyncWebHTTP

/// Limits hold while bytes arrive: a client cannot make the server wait for
/// (and buffer) a terminator that may never come.
@Suite struct ParserLimitTests {
    @Test func defaultsAreDocumented() {
        let limits = HTTPParserLimits()
        #expect(limits.maxRequestLineLength == 8 * 1024)
        #expect(limits.maxHeaderBytes == 16 * 1024)
        #expect(limits.maxHeaderCount == 100)
    }

    @Test func requestLineOverLimitGives414BeforeTerminator() {
        let limits = HTTPParserLimits(maxRequestLineLength: 32)
        #expect(throws: HTTPParseError.requestLineTooLong) {
            try RequestHeadParser.head(of: "GET /" + String(repeating: "a", count: 40), limits: limits)
        }
        #expect(throws: HTTPParseError.requestLineTooLong) {
            try RequestHeadParser.head(of: String(repeating: "G", count: 40), limits: limits)
        }
    }

    @Test func requestLineAtTheLimitIsAccepted() throws {
        let line = "GET /" + String(repeating: "a", count: 18) + " HTTP/1.1"
        #expect(line.utf8.count == 32)
        let atLimit = HTTPParserLimits(maxRequestLineLength: 32)
        #expect(try RequestHeadParser.head(of: line + "\r\nHost: a\r\n\r\n", limits: atLimit) != nil)
        let belowLimit = HTTPParserLimits(maxRequestLineLength: 31)
        #expect(throws: HTTPParseError.requestLineTooLong) {
            try RequestHeadParser.head(of: line + "\r\nHost: a\r\n\r\n", limits: belowLimit)
        }
    }

    @Test func headerBytesOverLimitGive431BeforeTerminator() {
        let limits = HTTPParserLimits(maxHeaderBytes: 64)
        #expect(throws: HTTPParseError.headerFieldsTooLarge) {
            try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nCookie: " + String(repeating: "a", count: 100), limits: limits)
        }
    }

    @Test func headOfExactlyTheLimitIsAccepted() throws {
        let head = "GET / HTTP/1.1\r\nHost: a\r\n\r\n"
        let exact = HTTPParserLimits(maxHeaderBytes: head.utf8.count)
        #expect(try RequestHeadParser.head(of: head, limits: exact) != nil)
        let tooSmall = HTTPParserLimits(maxHeaderBytes: head.utf8.count - 1)
        #expect(throws: HTTPParseError.headerFieldsTooLarge) { try RequestHeadParser.head(of: head, limits: tooSmall) }
    }

    @Test func headWaitingAtTheLimitIsRefusedWithoutAnotherByte() {
        let limits = HTTPParserLimits(maxHeaderBytes: 20)
        #expect(throws: HTTPParseError.headerFieldsTooLarge) {
            try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nX: a", limits: limits)
        }
    }

    @Test func emptyLinesBeforeTheRequestLineCountTowardsTheHeadLimit() {
        let limits = HTTPParserLimits(maxHeaderBytes: 64)
        #expect(throws: HTTPParseError.headerFieldsTooLarge) {
            try RequestHeadParser.head(of: String(repeating: "\r\n", count: 40) + "GET / HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits)
        }
    }

    @Test func tooManyHeaderFieldsGive431() throws {
        let limits = HTTPParserLimits(maxHeaderCount: 2)
        #expect(try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n\r\n", limits: limits) != nil)
        #expect(throws: HTTPParseError.tooManyHeaderFields) {
            try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\nY: 2\r\n\r\n", limits: limits)
        }
    }
}
