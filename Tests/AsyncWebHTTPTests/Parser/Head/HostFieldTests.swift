import Testing
@testable import AsyncWebHTTP

@Suite struct HostFieldTests {
    @Test func http11RequestWithoutHostIsRejected() {
        #expect(throws: HTTPParseError.missingHost) { try RequestHeadParser.head(of: "GET / HTTP/1.1\r\n\r\n") }
    }

    @Test func http10RequestWithoutHostIsAccepted() throws {
        #expect(try RequestHeadParser.head(of: "GET / HTTP/1.0\r\n\r\n") != nil)
    }

    @Test func secondHostIsRejectedInAnyVersion() {
        for version in ["HTTP/1.0", "HTTP/1.1"] {
            #expect(throws: HTTPParseError.duplicateHost) {
                try RequestHeadParser.head(of: "GET / \(version)\r\nHost: a\r\nhost: a\r\n\r\n")
            }
        }
    }

    @Test func hostThatIsNoAuthorityIsRejected() {
        for value in ["a b", "a/b", "a@b", "a\"b", "a\\b", "a?b"] {
            #expect(throws: HTTPParseError.invalidHost, "\(value)") {
                try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost: \(value)\r\n\r\n")
            }
        }
    }

    @Test func hostNamesAddressesAndPortsAreAccepted() throws {
        for value in ["example.com", "example.com:8080", "127.0.0.1:80", "[::1]:8080", "xn--bcher-kva.example", ""] {
            #expect(try RequestHeadParser.head(of: "GET / HTTP/1.1\r\nHost: \(value)\r\n\r\n") != nil, "\(value)")
        }
    }
}
