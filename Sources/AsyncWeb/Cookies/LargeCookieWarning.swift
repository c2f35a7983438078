internal import Logging

/// Werkzeug's warning for a `Set-Cookie` field browsers may silently drop, checked once
/// per response against the app's `MAX_COOKIE_SIZE` (0 turns it off) and logged through
/// the app's logger.
enum LargeCookieWarning {
    static func check(_ response: Response, limit: Int, logger: Logger) {
        guard limit > 0 else { return }
        // Runs on every response: a walk over the fields, allocating nothing unless one is too large.
        for field in response.headers where field.name.equalsIgnoringASCIICase("Set-Cookie") {
            if let warning = CookieFormat.tooLargeWarning(field.value, limit: limit) { logger.warning("\(warning)") }
        }
    }
}
