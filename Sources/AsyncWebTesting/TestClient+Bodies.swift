public import AsyncWeb

/// A file for a ``TestClient`` multipart upload.
public struct TestUpload: Sendable {
    public var field: String
    public var filename: String
    public var contentType: String
    public var bytes: [UInt8]

    public init(field: String, filename: String, contentType: String = "application/octet-stream", bytes: [UInt8]) {
        self.field = field
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}

extension TestClient {
    /// A POST of a `multipart/form-data` form with fields and files, as a browser sends it.
    ///
    /// ```swift
    /// let upload = TestUpload(field: "the_file", filename: "notes.txt", contentType: "text/plain", bytes: Array("hi".utf8))
    /// let response = try await client.post("/upload", fields: ["title": "Notes"], files: [upload])
    /// ```
    public func post(
        _ target: String, fields: KeyValuePairs<String, String> = [:], files: [TestUpload], headers: HTTPHeaders = [:],
        followRedirects: Bool = false
    ) async throws -> TestResponse {
        let boundary = "AsyncWebTestBoundary7MA4YWxkTrZu0gW"
        var body: [UInt8] = []
        func line(_ text: String) { body += Array((text + "\r\n").utf8) }
        for (name, value) in fields {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"\(name)\"")
            line("")
            line(value)
        }
        for file in files {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"")
            line("Content-Type: \(file.contentType)")
            line("")
            body += file.bytes
            line("")
        }
        line("--\(boundary)--")
        var headers = headers
        headers["Content-Type"] = "multipart/form-data; boundary=\(boundary)"
        return try await post(target, headers: headers, body: body, followRedirects: followRedirects)
    }
}

extension TestClient {
    /// A POST of `value` as JSON (`application/json`).
    ///
    /// ```swift
    /// let response = try await client.post("/users", json: NewUser(name: "alice"))
    /// ```
    public func post(
        _ target: String, json value: some Encodable, headers: HTTPHeaders = [:], followRedirects: Bool = false
    ) async throws -> TestResponse {
        var headers = headers
        headers["Content-Type"] = "application/json"
        let body = try await jsonify(value).body.collect()
        return try await post(target, headers: headers, body: body, followRedirects: followRedirects)
    }
}
