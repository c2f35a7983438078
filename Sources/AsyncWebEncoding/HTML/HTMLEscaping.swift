/// MarkupSafe's escaping of text for HTML: `&`, `<`, `>`, `"` and `'` become entities.
///
/// The one implementation behind the template engine's `escape` and `Markup`, and the
/// HTTP layer's error pages.
package enum HTMLEscaping {
    /// `text` with the five characters HTML gives meaning to written as entities.
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
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
        return escaped
    }
}
