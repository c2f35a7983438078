extension Response {
    /// Adds `name` to the `Vary` field unless it is there already (Werkzeug's
    /// `response.vary.add`), telling caches the response depends on that request field.
    ///
    /// ```swift
    /// response.addVary("Cookie")      // Vary: Accept-Encoding, Cookie
    /// ```
    public mutating func addVary(_ name: String) {
        guard let current = headers["Vary"] else {
            headers["Vary"] = name
            return
        }
        let names = current.split(separator: ",").map { $0.trimmingOptionalWhitespace() }
        guard !names.contains(where: { $0.equalsIgnoringASCIICase(name) }) else { return }
        headers["Vary"] = (names + [Substring(name)]).joined(separator: ", ")
    }
}

extension Substring {
    /// Without the spaces and tabs HTTP allows around list elements (RFC 9110's OWS).
    fileprivate func trimmingOptionalWhitespace() -> Substring {
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return self[first...last]
    }
}
