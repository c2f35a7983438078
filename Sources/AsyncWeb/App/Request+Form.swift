extension Request {
    /// The query string's arguments (Flask's `request.args`).
    ///
    /// ```swift
    /// let key = request.args["key"] ?? ""            // first value or nil
    /// let page = request.args.value("page", as: Int.self) ?? 1
    /// let tags = request.args.values(for: "tag")
    /// ```
    public var args: MultiDict<String> {
        URLEncodedParser.parse(queryString.utf8)
    }

    /// The cookies the client sent (Flask's `request.cookies`).
    public var cookies: MultiDict<String> {
        guard let header = headers["Cookie"] else { return [:] }
        return MultiDict(CookieFormat.parse(header).map { ($0.name, $0.value) })
    }

    /// The form fields of a urlencoded or multipart body (Flask's `request.form`), read and
    /// parsed on first use; files stream to ``files()``.
    ///
    /// ```swift
    /// app.post("/login") { request in
    ///     let name = try await request.form().require("username")   // missing: 400, as in Flask
    ///     …
    /// }
    /// ```
    /// - Throws: ``HTTPError`` 413 past `MAX_CONTENT_LENGTH`, `MAX_FORM_MEMORY_SIZE` or
    ///   `MAX_FORM_PARTS`; 400 for a malformed multipart body.
    public func form() async throws -> MultiDict<String> {
        try await formData().form
    }

    /// The uploaded files of a multipart body (Flask's `request.files`), by field name.
    public func files() async throws -> FileMultiDict {
        try await formData().files
    }

    private func formData() async throws -> FormData {
        let context = RequestContext.current
        let state = context?.state(of: self)
        if let cached = state?.formData { return cached }
        let config = context?.app.config ?? Config()
        let limits = FormDataLimits(
            maxFormMemorySize: config.maxFormMemorySize, maxFormParts: config.maxFormParts,
            maxContentLength: config.maxContentLength)
        // A body already read through data() is parsed from memory.
        let source = state?.body.map { RequestBody(bytes: $0) } ?? body
        let parsed = try await FormData.parse(
            body: source, contentType: headers["Content-Type"].map(String.init),
            contentLength: headers["Content-Length"].flatMap { Int($0) }, limits: limits)
        state?.formData = parsed
        return parsed
    }
}
