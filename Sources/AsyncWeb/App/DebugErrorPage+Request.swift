internal import AsyncWebEncoding

/// What the client sent, and what the app made of it.
extension DebugErrorPage {
    var requestSection: String {
        get async {
            let url = "\(request.scheme)://\(request.host)\(request.scriptRoot)\(request.target)"
            return """
                <h2>Request</h2>
                <p><code>\(Self.html(request.method.rawValue)) \(Self.html(url)) \(request.version)</code></p>
                <h3>Headers</h3>
                \(Self.table(request.headers.map { (String($0.name), String($0.value)) }, none: "No header fields."))
                <h3>Query arguments</h3>
                \(Self.table(request.args.map { ($0.key, $0.value) }, none: "No query string."))
                <h3>Form</h3>
                \(await formTable)
                <h3>Cookies</h3>
                \(Self.table(request.cookies.map { ($0.key, $0.value) }, none: "No cookies."))
                <h3>Session</h3>
                \(sessionTable)
                """
        }
    }

    /// The form as the app read it. A body nobody read stays unread: reading it here could
    /// wait on a slow client, and a body read in part would show a form it never was.
    private var formTable: String {
        get async {
            guard let state = context?.state(of: request), state.formData != nil || state.body != nil,
                let form = try? await request.form()
            else {
                return "<p class=none>Not read: the app did not ask for the form.</p>"
            }
            return Self.table(form.map { ($0.key, $0.value) }, none: "No form fields.")
        }
    }

    private var sessionTable: String {
        guard let context else { return "" }
        guard setup.config.secretKey != nil else {
            return "<p class=none>No session: the app has no <code>SECRET_KEY</code>.</p>"
        }
        let values = context.session.values.map { ($0.key, JSONWriter().write($0.value.jsonValue)) }
        return Self.table(values, none: "The session is empty.")
    }
}
