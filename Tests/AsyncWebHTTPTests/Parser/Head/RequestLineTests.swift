import Testing
@testable import AsyncWebHTTP

@Suite struct RequestLineTests {
    @Test func originFormRequestLineIsParsed() throws {
        let head = try #require(try RequestHeadParser.head(of: "GET /search?q=swift HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(head.method == .get)
        #expect(head.target == "/search?q=swift")
        #expect(head.version == .http1_1)
        #expect(head.targetForm == .origin)
        #expect(head.path == "/search")
        #expect(head.query == "q=swift")
    }

    @Test func http10RequestLineIsParsed() throws {
        let head = try #require(try RequestHeadParser.head(of: "POST /form HTTP/1.0\r\n\r\n"))
        #expect(head.method == .post)
        #expect(head.version == .http1_0)
    }

    @Test func extensionMethodIsAccepted() throws {
        let head = try #require(try RequestHeadParser.head(of: "MKCOLA /dav HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(head.method == HTTPMethod(rawValue: "MKCOLA"))
    }

    @Test func methodsAreCaseSensitive() throws {
        let head = try #require(try RequestHeadParser.head(of: "get / HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(head.method != .get)
        #expect(head.method.rawValue == "get")
    }

    @Test func methodWithNonTokenCharacterIsRejected() {
        #expect(throws: HTTPParseError.invalidMethod) { try RequestHeadParser.head(of: "GE(T / HTTP/1.1\r\n\r\n") }
        #expect(throws: HTTPParseError.invalidMethod) { try RequestHeadParser.head(of: "GET\t/ HTTP/1.1\r\n\r\n") }
    }

    @Test func secondSpaceAfterMethodIsRejected() {
        #expect(throws: HTTPParseError.invalidTarget) { try RequestHeadParser.head(of: "GET  / HTTP/1.1\r\n\r\n") }
    }

    @Test func spaceInsideTargetIsRejected() {
        #expect(throws: HTTPParseError.invalidVersion) { try RequestHeadParser.head(of: "GET /a b HTTP/1.1\r\n\r\n") }
    }

    @Test func nonASCIIOrControlByteInTargetIsRejected() {
        for byte: UInt8 in [0x00, 0x09, 0x7F, 0x80, 0xCE, 0xFF] {
            let line = Array("GET /a".utf8) + [byte] + Array(" HTTP/1.1\r\n\r\n".utf8)
            #expect(throws: HTTPParseError.invalidTarget) { try RequestHeadParser.head(of: line) }
        }
    }

    @Test func visibleASCIIIsAllowedInTargetAsLLHTTPAllowsIt() throws {
        let head = try #require(try RequestHeadParser.head(of: "GET /with_\"quotes\"?a=\\|{} HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(head.query == "a=\\|{}")
    }

    @Test func http2AndHTTP09Get505() {
        for version in ["HTTP/2.0", "HTTP/3.0", "HTTP/0.9", "HTTP/5.6"] {
            #expect(throws: HTTPParseError.unsupportedVersion) {
                try RequestHeadParser.head(of: "GET / \(version)\r\nHost: a\r\n\r\n")
            }
        }
    }

    @Test func unsupportedVersionIsRejectedBeforeTheLineEnds() {
        #expect(throws: HTTPParseError.unsupportedVersion) { try RequestHeadParser.head(of: "GET / HTTP/2.0") }
    }

    @Test func higherHTTP1MinorVersionIsServedAsHTTP11() throws {
        let head = try #require(try RequestHeadParser.head(of: "GET / HTTP/1.7\r\nHost: a\r\n\r\n"))
        #expect(head.version == .http1_1)
    }

    @Test func malformedVersionGives400() {
        for version in ["HTTP/1", "http/1.1", "HTTP/1.1 ", "HTTP/1.10", "HTTP/11.1", "HTTP/1,1", "ICE/1.0", "RTSP/1.0"] {
            #expect(throws: HTTPParseError.invalidVersion, "\(version)") {
                try RequestHeadParser.head(of: "GET / \(version)\r\nHost: a\r\n\r\n")
            }
        }
    }

    @Test func requestLineWithoutVersionIsRejected() {
        #expect(throws: HTTPParseError.missingVersion) { try RequestHeadParser.head(of: "GET /\r\n\r\n") }
    }

    @Test func bareLineFeedAfterRequestLineIsRejected() {
        #expect(throws: HTTPParseError.bareLineFeed) { try RequestHeadParser.head(of: "GET / HTTP/1.1\nHost: a\r\n\r\n") }
    }

    @Test func bareCarriageReturnAfterRequestLineIsRejected() {
        #expect(throws: HTTPParseError.bareCarriageReturn) { try RequestHeadParser.head(of: "GET / HTTP/1.1\rHost: a\r\n\r\n") }
    }

    @Test func emptyLinesBeforeRequestLineAreSkipped() throws {
        let text = "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"
        let head = try #require(try RequestHeadParser.head(of: text))
        #expect(head.method == .get)
        #expect(head.byteCount == text.utf8.count)
    }

    @Test func bareLineFeedBeforeRequestLineIsRejected() {
        #expect(throws: HTTPParseError.bareLineFeed) { try RequestHeadParser.head(of: "\nGET / HTTP/1.1\r\n\r\n") }
    }
}
