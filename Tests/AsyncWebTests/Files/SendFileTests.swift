import AsyncWeb
import AsyncWebTesting
import Foundation
import IOUring
import Testing
import TestSupport

@Suite("Static files and sendFile")
struct SendFileTests {
    /// A folder with `style.css` (mtime fixed) and a symlink that points out of it.
    static func makeFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "asyncweb-sendfile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try Data("body { color: red; }\n".utf8).write(to: URL(fileURLWithPath: folder + "/style.css"))
        try Data("tar".utf8).write(to: URL(fileURLWithPath: folder + "/archive.tar.gz"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: folder + "/style.css")
        try FileManager.default.createSymbolicLink(atPath: folder + "/escape", withDestinationPath: "/etc/hostname")
        return folder
    }

    static let cases: [(name: String, file: String, headers: [String: String])] = [
        ("plain", "style.css", [:]),
        ("etag", "style.css", ["If-None-Match": "ETAG"]),
        ("since", "style.css", ["If-Modified-Since": "Tue, 14 Nov 2023 22:13:20 GMT"]),
        ("older", "style.css", ["If-Modified-Since": "Tue, 14 Nov 2023 22:13:19 GMT"]),
        ("range", "style.css", ["Range": "bytes=0-3"]),
        ("open range", "style.css", ["Range": "bytes=17-"]),
        ("suffix", "style.css", ["Range": "bytes=-4"]),
        ("beyond", "style.css", ["Range": "bytes=100-"]),
        ("multi", "style.css", ["Range": "bytes=0-1,3-4"]),
        ("if-range other", "style.css", ["Range": "bytes=0-3", "If-Range": "\"other\""]),
        ("encoded", "archive.tar.gz", [:]),
        ("missing", "nope.css", [:]),
        ("climb", "../style.css", [:]),
        ("normalized", "sub/../style.css", [:]),
    ]

    /// What Flask's `send_from_directory` answers for each case, as JSON.
    static func flaskAnswers(folder: String) throws -> [[String: String]] {
        let script = """
            import json, sys
            from flask import Flask, send_from_directory, request
            folder = sys.argv[1]
            cases = json.loads(sys.argv[2])
            app = Flask("oracle")
            @app.route("/f/<path:name>")
            def f(name):
                return send_from_directory(folder, name)
            client = app.test_client()
            etag = client.get("/f/style.css").headers["ETag"]
            out = []
            for name, file, headers in cases:
                headers = {k: (etag if v == "ETAG" else v) for k, v in headers.items()}
                r = client.get("/f/" + file, headers=headers)
                keep = ["Content-Type", "Content-Length", "Content-Range", "Content-Disposition", "Content-Encoding",
                        "ETag", "Last-Modified", "Cache-Control", "Accept-Ranges"]
                answer = {k: r.headers[k] for k in keep if k in r.headers}
                answer["status"] = str(r.status_code)
                if r.status_code in (200, 206):
                    answer["body"] = r.get_data(as_text=True)
                out.append(answer)
            print(json.dumps(out))
            """
        let encodedCases = try JSONSerialization.data(withJSONObject: cases.map { [$0.name, $0.file, $0.headers] as [Any] })
        let data = try PythonOracle.run(script, arguments: [folder, String(decoding: encodedCases, as: UTF8.self)])
        return try JSONDecoder().decode([[String: String]].self, from: data)
    }

    @Test func answersEveryConditionalAndRangeCaseAsFlaskDoes() async throws {
        let folder = try Self.makeFolder()
        let expected = try Self.flaskAnswers(folder: folder)
        let app = App("files")
        for (index, item) in Self.cases.enumerated() {
            app.get("/case/\(index)") { try sendFromDirectory(folder, item.file) }
        }
        let client = TestClient(app)
        let etag = try await client.get("/case/0").headers["ETag"] ?? ""
        for (index, item) in Self.cases.enumerated() {
            var headers = HTTPHeaders()
            for (name, value) in item.headers { headers[name] = value == "ETAG" ? etag : value }
            let response = try await client.get("/case/\(index)", headers: headers)
            var answer: [String: String] = ["status": String(response.status.code)]
            for name in ["Content-Type", "Content-Range", "Content-Disposition", "Content-Encoding", "ETag", "Last-Modified", "Cache-Control", "Accept-Ranges"] {
                if let value = response.headers[name] { answer[name] = value }
            }
            if [200, 206].contains(response.status.code) {
                answer["body"] = response.text
                answer["Content-Length"] = String(response.body.count)
            } else if response.status.code >= 400 {
                answer["Content-Length"] = expected[index]["Content-Length"]  // error pages' wording differs by design
                answer["Content-Type"] = expected[index]["Content-Type"]
            }
            #expect(answer == expected[index], "case \(item.name)")
        }
    }

    @Test func symlinksOutOfTheFolderAreRefused() throws {
        let folder = try Self.makeFolder()
        #expect(safeJoin(folder, "escape") == nil)
        #expect(safeJoin(folder, "style.css") == folder + "/style.css")
    }

    @Test(arguments: ["../etc/passwd", "/etc/passwd", "a/../../x", "..", "sub\\..\\x", "a\0b"])
    func pathsThatLeaveTheFolderAreRefused(path: String) {
        #expect(safeJoin("/srv/static", path) == nil)
    }

    @Test(arguments: IOBackend.allCases)
    func largeFilesStreamThroughTheServerIntact(io: IOBackend) async throws {
        let folder = try Self.makeFolder()
        let bytes = (0..<(3 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/big.bin"))
        let app = App("files")
        app.get("/big") { try sendFromDirectory(folder, "big.bin") }
        let server = try await LiveServer.start(app, io: io)
        let port = server.port
        let response = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET /big HTTP/1.1\r\nHost: test\r\n\r\n")
            return try client.readResponse()
        }
        #expect(response?.header("Content-Type") == "application/octet-stream")
        #expect(response?.body == bytes)
        try await server.stop()
    }
}
