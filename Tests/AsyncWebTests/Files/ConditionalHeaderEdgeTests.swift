import AsyncWeb
import AsyncWebTesting
import Foundation
import IOUring
import Testing
import TestSupport

/// `Range`, `If-Modified-Since` and `If-Range` with numbers at the edges of
/// `Int` and dates outside any calendar: answered as Flask answers them, or
/// refused, never computed into a trap.
@Suite("Conditional headers at their arithmetic edges")
struct ConditionalHeaderEdgeTests {
    static let rangeHeaders = [
        "bytes=-0", "bytes=0-", "bytes=-21", "bytes=-22", "bytes=-100", "bytes=0-9223372036854775807",
        "bytes=0-99999999999999999999", "bytes=99999999999999999999-", "bytes=-99999999999999999999",
        "bytes=9223372036854775807-", "bytes=-9223372036854775808", "bytes=5-2", "bytes=20-20", "bytes=21-",
        "bytes= 1 - 2 ", "bytes=+1-2", "bytes=1--2", "bytes=--1", "bytes=1-2,", "BYTES=0-0", "items=0-1", "bytes",
    ]

    /// A folder with the 21-byte `style.css` and an empty file.
    static func makeFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "asyncweb-ranges-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("body { color: red; }\n".utf8).write(to: URL(fileURLWithPath: folder + "/style.css"))
        try Data().write(to: URL(fileURLWithPath: folder + "/empty.txt"))
        return folder
    }

    /// Status, `Content-Range` and body for each file and range header, as Flask's
    /// `send_from_directory` answers.
    static func flaskAnswers(folder: String, files: [String]) throws -> [[String]] {
        let script = """
            import json, sys
            from flask import Flask, send_from_directory
            folder, files, ranges = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
            app = Flask("oracle")
            @app.route("/f/<path:name>")
            def f(name):
                return send_from_directory(folder, name)
            client = app.test_client()
            out = []
            for file in files:
                for value in ranges:
                    r = client.get("/f/" + file, headers={"Range": value})
                    body = r.get_data(as_text=True) if r.status_code in (200, 206) else ""
                    out.append([str(r.status_code), r.headers.get("Content-Range", ""), body])
            print(json.dumps(out))
            """
        let arguments = try [files, rangeHeaders].map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        return try JSONDecoder().decode([[String]].self, from: PythonOracle.run(script, arguments: [folder] + arguments))
    }

    @Test func rangesAtTheEdgesAnswerAsFlaskDoes() async throws {
        let folder = try Self.makeFolder()
        let files = ["style.css", "empty.txt"]
        let expected = try Self.flaskAnswers(folder: folder, files: files)
        let app = App("ranges")
        app.get("/f/<path:name>") { request in try sendFromDirectory(folder, request.pathParameters["name"] ?? "") }
        let client = TestClient(app)
        var answers: [[String]] = []
        for file in files {
            for value in Self.rangeHeaders {
                let response = try await client.get("/f/\(file)", headers: ["Range": value])
                let body = [200, 206].contains(response.status.code) ? response.text : ""
                answers.append([String(response.status.code), response.headers["Content-Range"] ?? "", body])
            }
        }
        for (index, answer) in answers.enumerated() {
            let header = Self.rangeHeaders[index % Self.rangeHeaders.count]
            #expect(answer == expected[index], "\(files[index / Self.rangeHeaders.count]) with Range: \(header)")
        }
    }

    static let dates = [
        "Sun, 06 Nov 1994 08:49:37 GMT", "Sat, 06 Nov 0000 08:49:37 GMT", "Sat, 06 Nov 0068 08:49:37 GMT",
        "Sat, 06 Nov 0069 08:49:37 GMT", "Sat, 06 Nov 94 08:49:37 GMT", "Sat, 06 Nov 0100 08:49:37 GMT",
        "Sat, 06 Nov 9999 08:49:37 GMT", "Sat, 06 Nov 10000 08:49:37 GMT", "Sat, 06 Nov 99999 08:49:37 GMT",
        "Sat, 06 Nov 9223372036854775807 08:49:37 GMT", "Sat, 06 Nov -9223372036854775808 08:49:37 GMT",
        "Sat, 9223372036854775807 Nov 1994 08:49:37 GMT", "Sat, 06 Nov 1994 9223372036854775807:00:00 GMT",
        "Sat, 32 Nov 1994 08:49:37 GMT", "Sat, 31 Nov 1994 08:49:37 GMT", "Sat, 29 Feb 2023 00:00:00 GMT",
        "Sat, 29 Feb 2024 00:00:00 GMT", "Sat, 29 Feb 1900 00:00:00 GMT", "Sat, 29 Feb 2000 00:00:00 GMT",
        "Sat, 00 Nov 1994 08:49:37 GMT", "Sat, 06 Nov 1994 24:00:00 GMT", "Sat, 06 Nov 1994 23:60:00 GMT",
        "Sat, 06 Nov 1994 23:59:60 GMT", "Sat, 06 Nov 1994 -1:00:00 GMT",
    ]

    /// Werkzeug raises OverflowError (a 500 in Flask) for a field past C's `long`; here
    /// such a date is no date, like any other Werkzeug cannot read.
    @Test func httpDatesAreReadAsWerkzeugsParseDateReadsThem() throws {
        let script = """
            import json, sys
            from werkzeug.http import parse_date
            out = []
            for text in json.loads(sys.argv[1]):
                try:
                    date = parse_date(text)
                except OverflowError:
                    date = None
                out.append(None if date is None else int(date.timestamp()))
            print(json.dumps(out))
            """
        let expected = try JSONDecoder().decode(
            [Int?].self,
            from: PythonOracle.run(script, arguments: [String(decoding: try JSONEncoder().encode(Self.dates), as: UTF8.self)]))
        for (text, seconds) in zip(Self.dates, expected) {
            #expect(HTTPDate.parse(text[...]) == seconds, "\(text)")
        }
    }

    @Test func datesBeyondTheCalendarAreWrittenAsItsNearestDay() {
        #expect(String(decoding: DateHeaderCache.format(.max), as: UTF8.self) == "Fri, 31 Dec 9999 23:59:59 GMT")
        #expect(String(decoding: DateHeaderCache.format(.min), as: UTF8.self) == "Mon, 01 Jan 0001 00:00:00 GMT")
        #expect(HTTPDate.wholeSeconds(Date(timeIntervalSince1970: 1e300)) == HTTPDate.representableSeconds.upperBound)
        #expect(HTTPDate.wholeSeconds(Date(timeIntervalSince1970: -.infinity)) == HTTPDate.representableSeconds.lowerBound)
        #expect(HTTPDate.wholeSeconds(Date(timeIntervalSince1970: -0.5)) == -1)
    }

    @Test(arguments: IOBackend.allCases)
    func edgeRangesAndDatesGetAnswersAndTheServerCarriesOn(io: IOBackend) async throws {
        let folder = try Self.makeFolder()
        let app = App("ranges")
        app.get("/style.css") { try sendFromDirectory(folder, "style.css") }
        let server = try await LiveServer.start(app, io: io)
        let port = server.port
        let statuses = try await onThread {
            try [
                "Range: bytes=0-9223372036854775807", "Range: bytes=99999999999999999999-",
                "If-Modified-Since: Sat, 06 Nov 9223372036854775807 08:49:37 GMT",
                "Range: bytes=0-0\r\nIf-Range: Sat, 06 Nov 1994 9223372036854775807:00:00 GMT", "Accept: */*",
            ].map { field in
                let client = try RawHTTPClient(port: port)
                try client.send("GET /style.css HTTP/1.1\r\nHost: a\r\n\(field)\r\n\r\n")
                return try client.readResponse()?.status
            }
        }
        try await server.stop()
        #expect(statuses == [206, 416, 200, 200, 200])
    }
}
