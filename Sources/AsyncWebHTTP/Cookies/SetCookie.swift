public import FoundationEssentials

/// The `SameSite` attribute of a cookie.
public enum SameSite: String, Sendable {
    case strict = "Strict"
    case lax = "Lax"
    case none = "None"
}

extension Response {
    /// Adds a `Set-Cookie` field, formatted byte for byte as Werkzeug's `set_cookie`.
    ///
    /// ```swift
    /// var response = Response(body: "cookie set")
    /// response.setCookie("username", "the username")
    /// // Set-Cookie: username="the username"; Path=/
    /// ```
    /// A cookie longer than `MAX_COOKIE_SIZE` (4093 bytes) is set anyway; an app warns
    /// about it in its log, since browsers may silently drop it.
    /// - Parameters:
    ///   - maxAge: seconds until it expires; `Expires` is then set to match, as Werkzeug does.
    ///     An expiry outside the years 1 to 9999 is written as the nearest date within them,
    ///     where Werkzeug would raise, so a huge or negative `maxAge` still sets a cookie.
    ///   - partitioned: also makes the cookie `Secure`, as browsers require.
    public mutating func setCookie(
        _ name: String, _ value: String = "", maxAge: Int? = nil, expires: Date? = nil, path: String? = "/",
        domain: String? = nil, secure: Bool = false, httpOnly: Bool = false, sameSite: SameSite? = nil,
        partitioned: Bool = false
    ) {
        let expiry = expires ?? maxAge.map { Date().addingTimeInterval(TimeInterval($0)) }
        let field = CookieFormat.setCookieValue(
            name: name, value: value, maxAge: maxAge, expires: expiry.map(HTTPDate.wholeSeconds),
            path: path, domain: domain, secure: secure || partitioned, httpOnly: httpOnly, sameSite: sameSite,
            partitioned: partitioned)
        headers.add("Set-Cookie", field)
    }

    /// Tells the client to drop a cookie: empty value, expired, `Max-Age=0` (Werkzeug's `delete_cookie`).
    /// Path and domain must match the ones it was set with.
    public mutating func deleteCookie(
        _ name: String, path: String? = "/", domain: String? = nil, secure: Bool = false, httpOnly: Bool = false,
        sameSite: SameSite? = nil, partitioned: Bool = false
    ) {
        headers.add(
            "Set-Cookie",
            CookieFormat.setCookieValue(
                name: name, value: "", maxAge: 0, expires: 0, path: path, domain: domain, secure: secure || partitioned,
                httpOnly: httpOnly, sameSite: sameSite, partitioned: partitioned))
    }
}

/// Werkzeug's cookie syntax: `dump_cookie` for responses, `parse_cookie` for requests.
package enum CookieFormat {
    package static func setCookieValue(
        name: String, value: String, maxAge: Int?, expires: Int?, path: String?, domain: String?, secure: Bool,
        httpOnly: Bool, sameSite: SameSite?, partitioned: Bool
    ) -> String {
        var parts = ["\(name)=\(quoted(value))"]
        if let domain, !domain.isEmpty {
            let host = domain.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
            parts.append("Domain=\(host.drop { $0 == "." })")
        }
        if let expires { parts.append("Expires=" + String(decoding: DateHeaderCache.format(expires), as: UTF8.self)) }
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if secure { parts.append("Secure") }
        if httpOnly { parts.append("HttpOnly") }
        if let path { parts.append("Path=\(path)") }
        if let sameSite { parts.append("SameSite=\(sameSite.rawValue)") }
        if partitioned { parts.append("Partitioned") }
        return parts.joined(separator: "; ")
    }

    /// Werkzeug's warning for a `Set-Cookie` field longer than `limit` bytes (0: no limit),
    /// which browsers may drop; nil when it fits.
    package static func tooLargeWarning(_ field: String, limit: Int) -> String? {
        let size = field.utf8.count
        guard limit > 0, size > limit else { return nil }
        // `name=value; Attribute…`: a quoted value writes `;` as `\073`, so the first `;`
        // ends the value Werkzeug measures.
        let pair = field.prefix { $0 != ";" }
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        let name = pair[..<equals]
        let valueSize = pair.utf8.count - name.utf8.count - 1
        return """
            The '\(name)' cookie is too large: the value was \(valueSize) bytes but the header required \
            \(size - valueSize) extra bytes. The final size was \(size) bytes but the limit is \(limit) bytes. \
            Browsers may silently ignore cookies larger than this.
            """
    }

    /// The value as is when RFC 6265 allows it, else in quotes with bytes escaped in octal
    /// (`;` becomes `\073`), as Python's `http.cookies` and Werkzeug do.
    static func quoted(_ value: String) -> String {
        if value.utf8.allSatisfy(isUnquotedByte) { return value }
        var output = "\""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += "\\\""
            case UInt8(ascii: "\\"): output += "\\\\"
            case 0x00...0x19, UInt8(ascii: ","), UInt8(ascii: ";"), 0x7F...0xFF:
                let octal = String(byte, radix: 8)
                output += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            default:
                output.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return output + "\""
    }

    /// Werkzeug's `[\w!#$%&'()*+\-./:<=>?@\[\]^`{|}~]` (ASCII `\w`): what needs no quotes.
    private static func isUnquotedByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#")...UInt8(ascii: "+"), UInt8(ascii: "-")...UInt8(ascii: "/"),
            UInt8(ascii: ":"), UInt8(ascii: "<")...UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "]")...UInt8(ascii: "`"),
            UInt8(ascii: "{")...UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
