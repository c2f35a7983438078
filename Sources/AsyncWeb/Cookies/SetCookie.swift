public import FoundationEssentials
internal import Logging

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
    /// var response = try makeResponse("cookie set")
    /// response.setCookie("username", "the username")
    /// // Set-Cookie: username="the username"; Path=/
    /// ```
    /// A cookie longer than `MAX_COOKIE_SIZE` (4093 bytes) is set anyway, with a warning
    /// in the app's log, since browsers may silently drop it.
    /// - Parameters:
    ///   - maxAge: seconds until it expires; `Expires` is then set to match, as Werkzeug does.
    ///   - partitioned: also makes the cookie `Secure`, as browsers require.
    public mutating func setCookie(
        _ name: String, _ value: String = "", maxAge: Int? = nil, expires: Date? = nil, path: String? = "/",
        domain: String? = nil, secure: Bool = false, httpOnly: Bool = false, sameSite: SameSite? = nil,
        partitioned: Bool = false
    ) {
        let expiry = expires ?? maxAge.map { Date().addingTimeInterval(TimeInterval($0)) }
        let field = CookieFormat.setCookieValue(
            name: name, value: value, maxAge: maxAge, expires: expiry.map { Int($0.timeIntervalSince1970.rounded(.down)) },
            path: path, domain: domain, secure: secure || partitioned, httpOnly: httpOnly, sameSite: sameSite,
            partitioned: partitioned)
        CookieFormat.warnIfTooLarge(field, name: name, value: value)
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
enum CookieFormat {
    static func setCookieValue(
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

    /// Logs Werkzeug's warning for a cookie browsers may ignore, through the app of the
    /// request being handled and against its `MAX_COOKIE_SIZE` (0 turns it off).
    static func warnIfTooLarge(_ field: String, name: String, value: String) {
        let context = RequestContext.current
        let limit = context.map { $0.app.config["MAX_COOKIE_SIZE"]?.int ?? 0 } ?? 4093
        guard let warning = tooLargeWarning(field, name: name, value: value, limit: limit) else { return }
        (context?.app.logger ?? Logger(label: "AsyncWeb")).warning("\(warning)")
    }

    /// Werkzeug's words, or nil for a cookie within `limit` bytes.
    static func tooLargeWarning(_ field: String, name: String, value: String, limit: Int) -> String? {
        let size = field.utf8.count
        guard limit > 0, size > limit else { return nil }
        let valueSize = value.utf8.count
        return """
            The '\(name)' cookie is too large: the value was \(valueSize) bytes but the header required \
            \(size - valueSize) extra bytes. The final size was \(size) bytes but the limit is \(limit) bytes. \
            Browsers may silently ignore cookies larger than this.
            """
    }

    /// The value as is when RFC 6265 allows it, else in quotes with bytes escaped in octal
    /// (`;` becomes `\073`), as Python's `http.cookies` and Werkzeug do.
    static func quoted(_ value: String) -> String {
        if value.unicodeScalars.allSatisfy(isUnquotedScalar) { return value }
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
    private static func isUnquotedScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "_!#$%&'()*+-./:<=>?@[]^`{|}~".unicodeScalars.contains(scalar))
    }

    /// The pairs of a `Cookie` request field, in order, as Werkzeug's `parse_cookie` reads
    /// them: names trimmed and empty ones skipped, a name alone has value "", quoted values
    /// unescaped (`\"`, `\\`, octal bytes).
    static func parse(_ header: Substring) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        let scalars = Array(header.unicodeScalars)
        var index = 0
        while index < scalars.count {
            // The name: up to `=` or `;`.
            var nameEnd = index
            while nameEnd < scalars.count, scalars[nameEnd] != "=", scalars[nameEnd] != ";" { nameEnd += 1 }
            let name = String(String.UnicodeScalarView(scalars[index..<nameEnd])).trimmingWerkzeugWhitespace()
            var value = ""
            var next = nameEnd
            if nameEnd < scalars.count, scalars[nameEnd] == "=" {
                var valueStart = nameEnd + 1
                while valueStart < scalars.count, scalars[valueStart].properties.isWhitespace { valueStart += 1 }
                var valueEnd = valueStart
                if valueStart < scalars.count, scalars[valueStart] == "\"", let closing = closingQuote(in: scalars, after: valueStart),
                    followedBySeparator(scalars, from: closing + 1)
                {
                    valueEnd = closing + 1
                } else {
                    while valueEnd < scalars.count, scalars[valueEnd] != ";" { valueEnd += 1 }
                }
                value = String(String.UnicodeScalarView(scalars[valueStart..<valueEnd])).trimmingWerkzeugWhitespace()
                next = valueEnd
            }
            while next < scalars.count, scalars[next] != ";" { next += 1 }
            index = next + 1
            guard !name.isEmpty else { continue }
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = unslash(value.dropFirst().dropLast())
            }
            pairs.append((name: name, value: value))
        }
        return pairs
    }

    private static func closingQuote(in scalars: [Unicode.Scalar], after opening: Int) -> Int? {
        var index = opening + 1
        while index < scalars.count {
            if scalars[index] == "\\" {
                index += 2
                continue
            }
            if scalars[index] == "\"" { return index }
            index += 1
        }
        return nil
    }

    private static func followedBySeparator(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var index = start
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        return index == scalars.count || scalars[index] == ";"
    }

    /// Undoes the quoting: `\X` is `X`, `\ooo` is the byte with that octal value.
    private static func unslash(_ quoted: Substring) -> String {
        let bytes = Array(quoted.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let isOctal = index + 3 < bytes.count && (0x30...0x33).contains(bytes[index + 1])
                    && (0x30...0x37).contains(bytes[index + 2]) && (0x30...0x37).contains(bytes[index + 3])
                if isOctal {
                    output.append((bytes[index + 1] - 48) * 64 + (bytes[index + 2] - 48) * 8 + (bytes[index + 3] - 48))
                    index += 4
                } else {
                    output.append(bytes[index + 1])
                    index += 2
                }
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
