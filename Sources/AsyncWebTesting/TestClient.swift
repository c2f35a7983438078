public import AsyncWeb

/// Calls an app in-process, without a socket, like Flask's `app.test_client()`.
///
/// ```swift
/// let client = TestClient(app)
/// let response = try await client.get("/user/alice")
/// #expect(response.status == 200)
/// #expect(response.text == "User alice")
/// let created = try await client.post("/login", form: ["username": "alice"], followRedirects: true)
/// ```
/// Requests go through the same parser and pipeline as over the network (hooks, error
/// handlers, HEAD without a body); use ``LiveServer`` to test through a real socket.
public struct TestClient: Sendable {
    public let app: App

    public init(_ app: App) {
        self.app = app
    }

    /// Sends a request and returns the complete response.
    ///
    /// - Parameter followRedirects: follow 301/302/303/307/308 with `Location` (303 and, as
    ///   browsers do, 301/302 after a POST turn into GET), up to 10 times.
    public func request(
        _ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:], body: [UInt8] = [],
        followRedirects: Bool = false
    ) async throws -> TestResponse {
        var method = method
        var target = target
        var body = body
        var headers = headers
        for _ in 0...10 {
            let request = try Request(method: method, target: target, headers: headers, body: body)
            let response = try await app.respond(to: request)
            let bytes = method == .head ? [] : try await response.body.collect()
            let result = TestResponse(status: response.status, headers: response.headers, body: bytes)
            guard followRedirects, [301, 302, 303, 307, 308].contains(response.status.code),
                let location = response.headers["Location"]
            else { return result }
            target = location
            if response.status.code == 303 || (response.status.code <= 302 && method == .post) {
                method = .get
                body = []
                headers.remove("Content-Type")
                headers.remove("Content-Length")
            }
        }
        throw TooManyRedirects(lastTarget: target)
    }

    public func get(_ target: String, headers: HTTPHeaders = [:], followRedirects: Bool = false) async throws -> TestResponse {
        try await request(.get, target, headers: headers, followRedirects: followRedirects)
    }

    public func head(_ target: String, headers: HTTPHeaders = [:]) async throws -> TestResponse {
        try await request(.head, target, headers: headers)
    }

    /// A POST with a raw body.
    public func post(
        _ target: String, headers: HTTPHeaders = [:], body: [UInt8] = [], followRedirects: Bool = false
    ) async throws -> TestResponse {
        try await request(.post, target, headers: headers, body: body, followRedirects: followRedirects)
    }

    /// A POST of an HTML form (`application/x-www-form-urlencoded`), fields in order.
    public func post(
        _ target: String, form: KeyValuePairs<String, String>, headers: HTTPHeaders = [:], followRedirects: Bool = false
    ) async throws -> TestResponse {
        var headers = headers
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        let encoded = form.map { FormEncoding.encode($0.key) + "=" + FormEncoding.encode($0.value) }.joined(separator: "&")
        return try await post(target, headers: headers, body: Array(encoded.utf8), followRedirects: followRedirects)
    }
}

/// `application/x-www-form-urlencoded` encoding as browsers (and Werkzeug's client) do it.
enum FormEncoding {
    static func encode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "*"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                output += "+"
            default:
                output += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return output
    }
}

/// A ``TestClient`` followed more than 10 redirects.
public struct TooManyRedirects: Error, Sendable {
    /// Where the last redirect pointed.
    public let lastTarget: String
}
