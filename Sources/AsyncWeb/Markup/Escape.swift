/// Escapes text for HTML (MarkupSafe's `escape`): `&`, `<`, `>`, `"` and `'` become
/// entities. A ``Markup`` comes back unchanged.
///
/// ```swift
/// app.get("/user/<username>") { request in "User \(escape(request.path["username"]))" }
/// ```
public func escape(_ value: some CustomStringConvertible) -> Markup {
    if let markup = value as? Markup { return markup }
    let text = value.description
    guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
        return Markup(text)
    }
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&#34;"
        case "'": escaped += "&#39;"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return Markup(escaped)
}

/// Escapes an optional: nil becomes `None`, as MarkupSafe prints Python's `None`.
public func escape(_ value: (some CustomStringConvertible)?) -> Markup {
    guard let value else { return Markup("None") }
    return escape(value)
}
