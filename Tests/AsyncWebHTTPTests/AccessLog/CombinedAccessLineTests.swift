import IOUring
import Testing
@testable import AsyncWebHTTP

/// The combined format with the duration: Apache's and nginx's fields, then microseconds.
@Suite("Access log: combined format")
struct CombinedAccessLineTests {
    static let time = Array("06/Dec/2026:10:00:00 +0100".utf8)

    static func line(_ entry: AccessLogEntry) -> String {
        let output = IOBuffer()
        CombinedAccessLine.append(entry, time: time, to: output)
        return String(decoding: output.readableBytes, as: UTF8.self)
    }

    static func entry(_ head: String, status: Int = 200, bodyByteCount: Int = 0) throws -> AccessLogEntry {
        let head = try #require(try RequestHeadParser.head(of: head))
        var entry = AccessLogEntry(client: Array("10.0.0.7".utf8), requestLine: .init(head: head), status: status, bodyByteCount: bodyByteCount)
        entry.referer = head.firstIndex(ofHeader: "Referer").map(head.headerValueBytes(at:))
        entry.userAgent = head.firstIndex(ofHeader: "User-Agent").map(head.headerValueBytes(at:))
        entry.duration = .microseconds(1_234_567)
        return entry
    }

    @Test func aLineHasEveryField() throws {
        let entry = try Self.entry(
            "GET /search?q=swift HTTP/1.1\r\nHost: x\r\nReferer: http://example.com/\r\nUser-Agent: curl/8.5.0\r\n\r\n",
            bodyByteCount: 13)
        #expect(Self.line(entry) == """
            10.0.0.7 - - [06/Dec/2026:10:00:00 +0100] "GET /search?q=swift HTTP/1.1" 200 13 "http://example.com/" "curl/8.5.0" 1234567

            """)
    }

    /// As Apache's `%b`: no body is `-`; and absent headers are `-` as in both servers' logs.
    @Test func noBodyAndNoHeadersAreDashes() throws {
        var entry = try Self.entry("HEAD / HTTP/1.0\r\n\r\n", status: 304)
        entry.duration = .zero
        #expect(Self.line(entry) == "10.0.0.7 - - [06/Dec/2026:10:00:00 +0100] \"HEAD / HTTP/1.0\" 304 - \"-\" \"-\" 0\n")
    }

    /// A quote or backslash in a header cannot end the field early, nor a byte forge a line.
    @Test func quotesBackslashesAndNonASCIIAreEscaped() throws {
        let head = Array("GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: a \"b\" \\c\t".utf8) + [0xC3, 0xA9] + Array("\r\n\r\n".utf8)
        let parsed = try #require(try RequestHeadParser.head(of: head))
        var entry = AccessLogEntry(client: Array("::1".utf8), requestLine: .init(head: parsed), status: 200, bodyByteCount: 2)
        entry.userAgent = parsed.firstIndex(ofHeader: "User-Agent").map(parsed.headerValueBytes(at:))
        #expect(Self.line(entry) == #"::1 - - [06/Dec/2026:10:00:00 +0100] "GET / HTTP/1.1" 200 2 "-" "a \x22b\x22 \x5Cc\x09\xC3\xA9" 0"# + "\n")
    }

    @Test func anUnparsableLineIsLoggedAsReceivedAndEscaped() {
        let input = Array("GET /a\"b c\u{1}\r\n".utf8)
        let entry = input.withUnsafeBytes { input in
            AccessLogEntry(client: Array("10.0.0.7".utf8), requestLine: .init(unparsed: input, limit: 8192), status: 400, bodyByteCount: 150)
        }
        #expect(Self.line(entry) == #"10.0.0.7 - - [06/Dec/2026:10:00:00 +0100] "GET /a\x22b c\x01" 400 150 "-" "-" 0"# + "\n")
    }
}
