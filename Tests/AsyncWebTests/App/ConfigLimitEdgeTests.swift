import AsyncWeb
import AsyncWebTesting
import Foundation
import Testing
import TestSupport

/// Flask's body limits set to `Int.max`, `Int.min` and 0: no limit, or every
/// body refused with 413, exactly where Flask refuses it; never a trap.
@Suite("Config limits at the edges of Int")
struct ConfigLimitEdgeTests {
    static let keys = ["MAX_CONTENT_LENGTH", "MAX_FORM_MEMORY_SIZE", "MAX_FORM_PARTS"]
    static let values = [Int.max, Int.min, 0]

    /// For each key and value: the statuses of a urlencoded form, a multipart form with a
    /// file, and `get_data()`, as Flask answers them.
    static func flaskStatuses() throws -> [[Int]] {
        let script = """
            import io, json, sys
            from flask import Flask, request
            out = []
            for key in json.loads(sys.argv[1]):
                for value in json.loads(sys.argv[2]):
                    app = Flask("oracle")
                    app.config[key] = value
                    app.post("/form")(lambda: ",".join(f"{k}={v}" for k, v in request.form.items()))
                    app.post("/data", endpoint="data")(lambda: str(len(request.get_data())))
                    client = app.test_client()
                    out.append([
                        client.post("/form", data={"a": "1", "b": "2"}).status_code,
                        client.post("/form", data={"a": "1", "f": (io.BytesIO(b"xyz"), "f.txt")}, content_type="multipart/form-data").status_code,
                        client.post("/data", data=b"abc").status_code,
                    ])
            print(json.dumps(out))
            """
        let arguments = try [String(decoding: JSONEncoder().encode(keys), as: UTF8.self),
                             String(decoding: JSONEncoder().encode(values), as: UTF8.self)]
        return try JSONDecoder().decode([[Int]].self, from: PythonOracle.run(script, arguments: arguments))
    }

    @Test func extremeLimitsAnswerAsFlasksDo() async throws {
        let expected = try Self.flaskStatuses()
        var index = 0
        for key in Self.keys {
            for value in Self.values {
                let app = App("limits")
                app.config[key] = .int(value)
                app.post("/form") { request in try await request.form().map { "\($0.0)=\($0.1)" }.joined(separator: ",") }
                app.post("/data") { request in String(try await request.data().count) }
                let client = TestClient(app)
                let statuses = [
                    try await client.post("/form", form: ["a": "1", "b": "2"]).status.code,
                    try await client.post("/form", fields: ["a": "1"], files: [TestUpload(field: "f", filename: "f.txt", bytes: Array("xyz".utf8))]).status.code,
                    try await client.post("/data", body: Array("abc".utf8)).status.code,
                ]
                #expect(statuses == expected[index], "\(key) = \(value)")
                index += 1
            }
        }
    }
}
