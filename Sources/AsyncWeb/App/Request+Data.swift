import FoundationEssentials

extension Request {
    /// The whole body, read once and kept (Flask's `request.get_data()`).
    ///
    /// - Throws: ``HTTPError`` 413 past `MAX_CONTENT_LENGTH` (checked against
    ///   `Content-Length` before reading, and while reading a chunked body).
    public func data() async throws -> [UInt8] {
        let context = RequestContext.current
        let state = context?.state(of: self)
        if let cached = state?.body { return cached }
        let limit = context?.app.config.maxContentLength ?? Int.max
        if let declared = headers["Content-Length"].flatMap({ Int($0) }), declared > limit {
            throw HTTPError(.contentTooLarge)
        }
        let bytes = try await body.collect(upTo: limit)
        state?.body = bytes
        return bytes
    }

    /// The body decoded from JSON (Flask's `request.json`).
    ///
    /// ```swift
    /// struct NewUser: Decodable { let name: String }
    /// app.post("/users") { request in
    ///     let user = try await request.json(as: NewUser.self)
    ///     …
    /// }
    /// ```
    /// - Throws: ``HTTPError`` 415 when the content type is not JSON (`application/json` or
    ///   `…+json`), 400 when the body is not valid JSON for `type`, as Flask answers.
    public func json<Value: Decodable>(as type: Value.Type = Value.self) async throws -> Value {
        guard isJSON else {
            throw HTTPError(
                .unsupportedMediaType,
                message: "Did not attempt to load JSON data because the request Content-Type was not 'application/json'.")
        }
        let bytes = try await data()
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch {
            // As Flask: the decoder's words only in debug mode.
            let debug = RequestContext.current?.app.config.debug ?? false
            throw HTTPError(.badRequest, message: debug ? "Failed to decode JSON object: \(error)" : nil)
        }
    }

    /// Whether the content type is JSON: `application/json` or `application/…+json`.
    public var isJSON: Bool {
        guard let contentType = headers["Content-Type"] else { return false }
        let mimetype = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingWerkzeugWhitespace().lowercased() } ?? ""
        return mimetype == "application/json" || (mimetype.hasPrefix("application/") && mimetype.hasSuffix("+json"))
    }
}
