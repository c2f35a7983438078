import Testing
@testable import AsyncWebHTTP

@Suite struct ConnectionPersistenceTests {
    private func keepAlive(_ version: String, _ fields: String = "") throws -> Bool? {
        try RequestHeadParser.head(of: "GET / \(version)\r\nHost: a\r\n\(fields)\r\n")?.keepAlive
    }

    @Test func http11KeepsTheConnectionByDefault() throws {
        #expect(try keepAlive("HTTP/1.1") == true)
    }

    @Test func http11ClosesWithConnectionClose() throws {
        #expect(try keepAlive("HTTP/1.1", "Connection: close\r\n") == false)
        #expect(try keepAlive("HTTP/1.1", "connection: Close\t\r\n") == false)
        #expect(try keepAlive("HTTP/1.1", "Connection: upgrade, close\r\n") == false)
    }

    @Test func http10ClosesTheConnectionByDefault() throws {
        #expect(try keepAlive("HTTP/1.0") == false)
    }

    @Test func http10KeepsTheConnectionWithConnectionKeepAlive() throws {
        #expect(try keepAlive("HTTP/1.0", "Connection: Keep-Alive\r\n") == true)
    }

    @Test func closeWinsOverKeepAlive() throws {
        #expect(try keepAlive("HTTP/1.0", "Connection: keep-alive, close\r\n") == false)
    }

    @Test func everyConnectionFieldCounts() throws {
        #expect(try keepAlive("HTTP/1.1", "Connection: upgrade\r\nConnection: close\r\n") == false)
    }

    @Test func tokensOnlyMatchWhole() throws {
        #expect(try keepAlive("HTTP/1.1", "Connection: closed, xclose\r\n") == true)
    }
}
