import FuzzSupport
@testable import AsyncWebHTTP

/// The `Cookie` request field parser (Werkzeug's `parse_cookie`), over any bytes.
@main enum CookieFuzzer: FuzzTarget {
    static func fuzz(_ input: UnsafeRawBufferPointer) {
        _ = CookieFormat.parse(Substring(String(decoding: input, as: UTF8.self)))
    }
}
