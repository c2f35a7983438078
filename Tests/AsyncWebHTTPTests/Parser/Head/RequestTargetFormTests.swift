import Testing
@testable import AsyncWebHTTP

@Suite struct RequestTargetFormTests {
    @Test func asteriskFormIsAcceptedWithOptions() throws {
        let head = try #require(try RequestHeadParser.head(of: "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(head.targetForm == .asterisk)
        #expect(head.path == "*")
    }

    @Test func asteriskFormIsRejectedWithOtherMethods() {
        #expect(throws: HTTPParseError.asteriskFormWithoutOptions) {
            try RequestHeadParser.head(of: "GET * HTTP/1.1\r\nHost: a\r\n\r\n")
        }
    }

    @Test func connectTakesAuthorityForm() throws {
        let head = try #require(try RequestHeadParser.head(of: "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"))
        #expect(head.method == .connect)
        #expect(head.targetForm == .authority)
        #expect(head.target == "example.com:443")
    }

    @Test func connectWithoutHostAndPortIsRejected() {
        for target in ["/", "example.com", "example.com:", ":443", "http://example.com:443", "user@example.com:443"] {
            #expect(throws: HTTPParseError.connectWithoutAuthority, "\(target)") {
                try RequestHeadParser.head(of: "CONNECT \(target) HTTP/1.1\r\nHost: a\r\n\r\n")
            }
        }
    }

    @Test func absoluteFormGivesPathAndQuery() throws {
        let head = try #require(try RequestHeadParser.head(of: "GET http://example.com:8080/a/b?x=1 HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(head.targetForm == .absolute)
        #expect(head.path == "/a/b")
        #expect(head.query == "x=1")
    }

    @Test func absoluteFormWithoutPathHasPathSlash() throws {
        let bare = try #require(try RequestHeadParser.head(of: "GET HTTPS://example.com HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(bare.path == "/")
        #expect(bare.query == nil)
        let withQuery = try #require(try RequestHeadParser.head(of: "GET http://example.com?x HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(withQuery.path == "/")
        #expect(withQuery.query == "x")
    }

    @Test func targetThatIsNoFormIsRejected() {
        for target in ["example.com:443", "ftp://example.com/", "http://", "http:///path", "mailto:a@b", "*x"] {
            #expect(throws: HTTPParseError.invalidAbsoluteForm, "\(target)") {
                try RequestHeadParser.head(of: "GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n")
            }
        }
    }

    @Test func queryStartsAtTheFirstQuestionMark() throws {
        let head = try #require(try RequestHeadParser.head(of: "GET /a?b?c HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(head.path == "/a")
        #expect(head.query == "b?c")
    }

    @Test func emptyQueryIsEmptyNotNil() throws {
        let head = try #require(try RequestHeadParser.head(of: "GET /a? HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(head.query == "")
    }

    @Test func fragmentIsLeftOutOfPathAndQuery() throws {
        let withQuery = try #require(try RequestHeadParser.head(of: "GET /a?b=1#frag HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(withQuery.path == "/a")
        #expect(withQuery.query == "b=1")
        let withoutQuery = try #require(try RequestHeadParser.head(of: "GET /a#frag?b HTTP/1.1\r\nHost: a\r\n\r\n"))
        #expect(withoutQuery.path == "/a")
        #expect(withoutQuery.query == nil)
        #expect(withoutQuery.target == "/a#frag?b")
    }
}
