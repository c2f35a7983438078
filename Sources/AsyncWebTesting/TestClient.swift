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
/// handlers, HEAD without a body). The same client also talks to a ``LiveServer`` over a
/// real socket, so one test can run both ways. Cookies the app sets are kept in
/// ``cookies`` and sent back, as a browser would.
public struct TestClient: Sendable {
    private enum Transport: Sendable {
        case inProcess(App)
        case socket(port: Int)
    }

    private let transport: Transport
    /// The cookies received so far.
    public let cookies = CookieJar()

    /// A client calling `app` in-process.
    public init(_ app: App) {
        transport = .inProcess(app)
    }

    /// A client sending real HTTP/1.1 requests to a running server.
    public init(_ server: LiveServer) {
        transport = .socket(port: server.port)
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
            var sent = headers
            if let cookieHeader = cookies.header, !sent.contains("Cookie") { sent["Cookie"] = cookieHeader }
            let result = try await send(method, target, headers: sent, body: body)
            for field in result.headers.values(for: "Set-Cookie") { cookies.receive(setCookie: field) }
            let response = result
            guard followRedirects, [301, 302, 303, 307, 308].contains(response.status.code),
                let location = response.headers["Location"]
            else { return result }
            target = Self.relative(location)
            if response.status.code == 303 || (response.status.code <= 302 && method == .post) {
                method = .get
                body = []
                headers.remove("Content-Type")
                headers.remove("Content-Length")
            }
        }
        throw TooManyRedirects(lastTarget: target)
    }

    private func send(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders, body: [UInt8]) async throws -> TestResponse {
        switch transport {
        case .inProcess(let app):
            let request = try Request(method: method, target: target, headers: headers, body: body)
            let response = await app.respond(to: request)
            let bytes = method == .head ? [] : try await response.body.collect()
            return TestResponse(status: response.status, headers: response.headers, body: bytes)
        case .socket(let port):
            var head = "\(method.rawValue) \(target) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            if !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
            let bytes = Array((head + "\r\n").utf8) + body
            let raw = try await onThread {
                // A minute per read: long for a server, but a loaded machine (a sanitizer run,
                // tests running beside) can starve one for longer than the raw client's 10 s.
                let client = try RawHTTPClient(port: port, timeout: 60)
                try client.send(bytes)
                return try client.readResponse(forHead: method == .head)
            }
            guard let raw else { throw TestClientError.connectionClosed }
            return TestResponse(status: HTTPStatus(raw.status), headers: HTTPHeaders(raw.headers.map { ($0.name, $0.value) }), body: raw.body)
        }
    }

    /// A redirect's target as a path: absolute URLs to this server lose their origin.
    private static func relative(_ location: String) -> String {
        guard let schemeEnd = location.range(of: "://") else { return location }
        let afterHost = location[schemeEnd.upperBound...].firstIndex(of: "/") ?? location.endIndex
        let path = String(location[afterHost...])
        return path.isEmpty ? "/" : path
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
        let encoded = form.map { PercentEncoding.quote($0.key, safe: .form, spaceAsPlus: true) + "=" + PercentEncoding.quote($0.value, safe: .form, spaceAsPlus: true) }.joined(separator: "&")
        return try await post(target, headers: headers, body: Array(encoded.utf8), followRedirects: followRedirects)
    }
}

/// The server closed the connection without answering.
public enum TestClientError: Error, Sendable {
    case connectionClosed
}

/// A ``TestClient`` followed more than 10 redirects.
public struct TooManyRedirects: Error, Sendable {
    /// Where the last redirect pointed.
    public let lastTarget: String
}
