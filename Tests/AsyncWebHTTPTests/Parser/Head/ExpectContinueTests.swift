import Testing
@testable import AsyncWebHTTP

@Suite struct ExpectContinueTests {
    private func head(_ version: String, expect value: String) throws(HTTPParseError) -> RequestHead? {
        try RequestHeadParser.head(of: "POST / \(version)\r\nHost: a\r\nExpect: \(value)\r\nContent-Length: 5\r\n\r\n")
    }

    @Test func expect100ContinueIsRecognisedInAnyCase() throws {
        #expect(try head("HTTP/1.1", expect: "100-continue")?.expectsContinue == true)
        #expect(try head("HTTP/1.1", expect: "100-Continue ")?.expectsContinue == true)
    }

    @Test func requestWithoutExpectDoesNotWait() throws {
        #expect(try RequestHeadParser.head(of: "POST / HTTP/1.1\r\nHost: a\r\n\r\n")?.expectsContinue == false)
    }

    @Test func otherExpectationGives417() {
        for value in ["100-continue-please", "200-ok", "100-continue, foo"] {
            #expect(throws: HTTPParseError.unsupportedExpectation, "\(value)") { try head("HTTP/1.1", expect: value) }
        }
    }

    @Test func expectationIsIgnoredInHTTP10() throws {
        #expect(try head("HTTP/1.0", expect: "100-continue")?.expectsContinue == false)
    }
}
