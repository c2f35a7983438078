import Testing
@testable import AsyncWebHTTP

@Suite struct RequestHeadAccessTests {
    private let head: RequestHead

    init() throws {
        head = try #require(try RequestHeadParser.head(of: """
            GET /a HTTP/1.1\r
            Host: example.com\r
            Accept: text/html\r
            X-Forwarded-For: 10.0.0.1\r
            accept: application/json\r
            \r

            """))
    }

    @Test func fieldsAreReadInTheOrderReceived() {
        #expect(head.headerCount == 4)
        #expect(head.headers.map { "\($0.name)=\($0.value)" }
                == ["Host=example.com", "Accept=text/html", "X-Forwarded-For=10.0.0.1", "accept=application/json"])
    }

    @Test func namesKeepTheirCaseAsSent() {
        #expect(head.headerName(at: 3) == "accept")
    }

    @Test func lookupByNameIgnoresCase() {
        #expect(head.value(forHeader: "x-forwarded-for") == "10.0.0.1")
        #expect(head.value(forHeader: "HOST") == "example.com")
    }

    @Test func lookupGivesTheFirstOfRepeatedFields() {
        #expect(head.value(forHeader: "Accept") == "text/html")
        #expect(head.firstIndex(ofHeader: "ACCEPT") == 1)
    }

    @Test func lookupOfAnAbsentFieldIsNil() {
        #expect(head.value(forHeader: "Cookie") == nil)
        #expect(head.value(forHeader: "Hos") == nil)
        #expect(head.value(forHeader: "") == nil)
    }

    @Test func lookupWithANonASCIINameFindsNothing() {
        #expect(head.value(forHeader: "Höst") == nil)
    }
}
