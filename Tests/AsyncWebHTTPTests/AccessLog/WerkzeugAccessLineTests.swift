import Foundation
import IOUring
import Testing
import TestSupport
@testable import AsyncWebHTTP

/// The werkzeug access-log format against Werkzeug 3.1's own `log_request`, run on the same
/// request lines by the real `http.server` parsing (a Python oracle in the same run).
@Suite("Access log: Werkzeug's format")
struct WerkzeugAccessLineTests {
    static let time = Array("06/Dec/2026 10:00:00".utf8)

    /// Targets our parser accepts, each showing one rule of `uri_to_iri` or of the escaping.
    static let targets = [
        "/", "/hello/world?x=1", "/p/%C3%A5%2F%20x?q=%C3%A8%20&a=%2F", "/a%C2%80b%5Cc%e2%82", "/%ff", "/?",
        "/a?b?", "//evil.example/x", "///", "/a%00b%7f", "/x%41y%2e", "/emoji/%F0%9F%98%80", "/cut/%F0%9F%98",
        "/surrogate/%ED%A0%80", "/overlong/%C0%AF%E0%80%AF", "/q?x=%26%3D%2B%23%2F%3F%25", "/plus+sign?a+b=%2B",
        "/%E2%82%AC%zz%4", "/%e2%82%ac", "http://example.com/p%C3%A5?q=%C3%A8", "http://Example.com:80/%2F",
        "/x%5C%22y", "/%C2%9F%C2%A0",
    ]

    /// What Werkzeug logs for each request line, through `WSGIRequestHandler.parse_request`
    /// and `log_request(status)`, with its date fixed and its styles on or off.
    static func werkzeugLines(_ cases: [(line: [UInt8], status: Int, colors: Bool, client: String)]) throws -> [String] {
        let script = """
            import io, json, logging, sys
            import werkzeug.serving as serving
            from werkzeug.serving import WSGIRequestHandler

            stream = io.StringIO()
            handler = logging.StreamHandler(stream)
            handler.setFormatter(logging.Formatter("%(message)s"))
            logger = logging.getLogger("werkzeug")
            logger.setLevel(logging.INFO)
            logger.addHandler(handler)
            logger.propagate = False
            WSGIRequestHandler.log_date_time_string = lambda self: "06/Dec/2026 10:00:00"

            lines = []
            for case in json.loads(sys.argv[1]):
                serving._log_add_style = case["colors"]
                request = WSGIRequestHandler.__new__(WSGIRequestHandler)
                request.client_address = (case["client"], 5000)
                request.raw_requestline = bytes(case["line"]) + b"\\r\\n"
                request.rfile = io.BytesIO(b"Host: x\\r\\n\\r\\n")
                request.wfile = io.BytesIO()
                if request.parse_request():
                    request.log_request(case["status"])
                lines.append(stream.getvalue())
                stream.seek(0)
                stream.truncate()
            print(json.dumps(lines))
            """
        let arguments = cases.map { ["line": $0.line.map(Int.init) as Any, "status": $0.status, "colors": $0.colors, "client": $0.client] }
        let input = String(decoding: try JSONSerialization.data(withJSONObject: arguments), as: UTF8.self)
        return try JSONDecoder().decode([String].self, from: PythonOracle.run(script, arguments: [input]))
    }

    static func line(_ entry: AccessLogEntry, colors: Bool) -> String {
        let output = IOBuffer()
        WerkzeugAccessLine.append(entry, time: time, colors: colors, to: output)
        return String(decoding: output.readableBytes, as: UTF8.self)
    }

    static func entry(method: String = "GET", target: String, status: Int, client: String = "127.0.0.1") throws -> AccessLogEntry {
        let head = try #require(try RequestHeadParser.head(of: "\(method) \(target) HTTP/1.1\r\nHost: x\r\n\r\n"))
        return AccessLogEntry(client: Array(client.utf8), requestLine: .init(head: head), status: status, bodyByteCount: 0)
    }

    @Test func targetsShowAsWerkzeugShowsThem() throws {
        let entries = try Self.targets.map { try Self.entry(target: $0, status: 200) }
        let expected = try Self.werkzeugLines(entries.map { (Array($0.requestLine.bytes), 200, false, "127.0.0.1") })
        for (target, (entry, werkzeug)) in zip(Self.targets, zip(entries, expected)) {
            #expect(Self.line(entry, colors: false) == werkzeug, "\(target)")
        }
    }

    @Test func optionsWithAnAsteriskAndAnIPv6ClientShowAsWerkzeugShowsThem() throws {
        let entry = try Self.entry(method: "OPTIONS", target: "*", status: 200, client: "::1")
        let expected = try Self.werkzeugLines([(Array(entry.requestLine.bytes), 200, false, "::1")])
        #expect([Self.line(entry, colors: false)] == expected)
    }

    /// On a terminal Werkzeug styles the request line by status; elsewhere it shows it plain.
    @Test(arguments: [false, true])
    func statusesAreColouredAsWerkzeugColoursThem(colors: Bool) throws {
        let statuses = [100, 101, 200, 201, 204, 301, 302, 304, 307, 400, 401, 404, 405, 418, 431, 500, 503, 505]
        let entries = try statuses.map { try Self.entry(target: "/caf%C3%A9", status: $0) }
        let expected = try Self.werkzeugLines(entries.map { (Array($0.requestLine.bytes), $0.status, colors, "127.0.0.1") })
        for (entry, werkzeug) in zip(entries, expected) {
            #expect(Self.line(entry, colors: colors) == werkzeug, "\(entry.status)")
        }
    }

    @Test func withoutColoursNoEscapeCodeIsWritten() throws {
        for status in [101, 304, 302, 404, 400, 500] {
            #expect(!Self.line(try Self.entry(target: "/", status: status), colors: false).contains("\u{1B}"))
        }
    }

    /// Lines `http.server` refuses: Werkzeug logs `code N, message …` (its own words for the
    /// message, ours here), then the line as received, one ISO-8859-1 character a byte.
    @Test func unparsableLinesAreLoggedAsWerkzeugLogsThem() throws {
        let lines: [(bytes: [UInt8], status: Int)] = [
            (Array("GARBAGE".utf8), 400),
            (Array("GET /a b HTTP/1.1".utf8), 400),
            (Array("GET / HTTP/2.0".utf8), 505),
            (Array("GET /\u{C3}".utf8) + [0xC3, 0xA5, 0x85, 0x09, 0x5C, 0x7F, 0xFF] + Array(" x HTTP/1.1".utf8), 400),
        ]
        let expected = try Self.werkzeugLines(lines.map { ($0.bytes, 0, false, "127.0.0.1") })
        for (line, werkzeug) in zip(lines, expected) {
            let entry = (line.bytes + Array("\r\nHost: x\r\n\r\n".utf8)).withUnsafeBytes { input in
                AccessLogEntry(
                    client: Array("127.0.0.1".utf8), requestLine: .init(unparsed: input, limit: 8192), status: line.status,
                    bodyByteCount: 0, parseError: "our reason")
            }
            let ours = Self.line(entry, colors: false).split(separator: "\n", omittingEmptySubsequences: false)
            let theirs = werkzeug.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(ours.count == 3 && theirs.count == 3)
            #expect(ours[0] == "127.0.0.1 - - [06/Dec/2026 10:00:00] code \(line.status), message our reason")
            #expect(theirs[0].hasPrefix("127.0.0.1 - - [06/Dec/2026 10:00:00] code \(line.status), message "))
            #expect(ours[1] == theirs[1])
        }
    }

    /// Python's `http.server` refuses a line over 64 KiB with 414 and logs it empty; ours is
    /// shorter, and logged so too.
    @Test func aRequestLineTooLongIsLoggedEmpty() {
        let input = Array("GET /".utf8) + [UInt8](repeating: 0x61, count: 9000)
        let entry = input.withUnsafeBytes { input in
            AccessLogEntry(
                client: Array("127.0.0.1".utf8), requestLine: .init(unparsed: input, limit: 8192), status: 414,
                bodyByteCount: 0, parseError: "Request line too long")
        }
        #expect(Self.line(entry, colors: false) == """
            127.0.0.1 - - [06/Dec/2026 10:00:00] code 414, message Request line too long
            127.0.0.1 - - [06/Dec/2026 10:00:00] "" 414 -

            """)
    }

    /// Local time as `BaseHTTPRequestHandler.log_date_time_string` writes it, and as
    /// Apache's `%t` does for the combined format.
    @Test func timesAreLocalAsPythonFormatsThem() throws {
        let seconds = [0, 1_796_551_200, 1_800_000_000, 1_000_000_007, 4_102_444_799]
        let python = String(decoding: try PythonOracle.run("""
            import sys, time
            from http.server import BaseHTTPRequestHandler
            for text in sys.argv[1:]:
                year, month, day, hh, mm, ss, *_ = time.localtime(int(text))
                print("%02d/%3s/%04d %02d:%02d:%02d" % (day, BaseHTTPRequestHandler.monthname[month], year, hh, mm, ss))
                print(time.strftime("%d/%b/%Y:%H:%M:%S %z", time.localtime(int(text))))
            """, arguments: seconds.map(String.init)), as: UTF8.self)
        var ours = ""
        for second in seconds {
            var clock = AccessLogClock()
            clock.update(to: second)
            ours += String(decoding: clock.werkzeugTime, as: UTF8.self) + "\n" + String(decoding: clock.combinedTime, as: UTF8.self) + "\n"
        }
        #expect(ours == python)
    }
}
