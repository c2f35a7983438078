extension Request {
    /// A request built from parts, as a client would send it: for tests, in-process calls
    /// and an app's `testRequestContext`.
    ///
    /// ```swift
    /// let request = try Request(method: .post, target: "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
    ///                           body: Array("username=alice".utf8))
    /// ```
    /// It goes through the same strict parser as requests from the network.
    /// - Throws: ``HTTPError`` 400 when the parts do not make a valid HTTP/1.1 request.
    public convenience init(
        method: HTTPMethod = .get, target: String = "/", headers: HTTPHeaders = [:], body: [UInt8] = [],
        remoteAddress: String? = "127.0.0.1"
    ) throws {
        var head = "\(method.rawValue) \(target) HTTP/1.1\r\n"
        if !headers.contains("Host") { head += "Host: localhost\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty && !headers.contains("Content-Length") && !headers.contains("Transfer-Encoding") {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "\r\n"
        var parser = RequestHeadParser(
            limits: HTTPParserLimits(maxRequestLineLength: 1 << 20, maxHeaderBytes: 1 << 22, maxHeaderCount: 10_000))
        let bytes = Array(head.utf8)
        let parsed: RequestHead?
        do {
            parsed = try bytes.withUnsafeBytes { raw in try Result { () throws(HTTPParseError) in try parser.parse(raw) }.get() }
        } catch {
            throw HTTPError(.badRequest, message: "\(error)")
        }
        guard let parsed else { throw HTTPError(.badRequest, message: "incomplete request head") }
        self.init(
            head: parsed, body: RequestBody(bytes: body),
            origin: RequestOrigin(host: parsed.value(forHeader: "Host").map(String.init), remoteAddress: remoteAddress))
    }
}
