internal import Logging

/// Werkzeug's warning for a `Set-Cookie` field browsers may silently drop, checked once
/// per response against the app's `MAX_COOKIE_SIZE` (0 turns it off) and logged through
/// the app's logger.
enum LargeCookieWarning {
    static func check(_ response: Response, limit: Int, logger: Logger) {
        guard limit > 0 else { return }
        for field in response.headers.values(for: "Set-Cookie") where field.utf8.count > limit {
            // `name=value; Attribute…`: a quoted value writes `;` as `\073`, so the first
            // `; ` ends it, as it ends the value Werkzeug measured.
            let pair = field.prefix { $0 != ";" }
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            if let warning = CookieFormat.tooLargeWarning(field, name: name, value: value, limit: limit) {
                logger.warning("\(warning)")
            }
        }
    }
}
