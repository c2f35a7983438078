import FoundationEssentials

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
        let names = current.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.contains(where: { $0.equalsIgnoringASCIICase(name) }) else { return }
        headers["Vary"] = (names + [name]).joined(separator: ", ")
    }
}
