/// Percent-encoding, the one implementation behind every URL we write: Python's
/// `urllib.parse.quote` with the safe set of each context (Werkzeug's paths, query
/// strings and `iri_to_uri`, Jinja's `urlencode`, browsers' forms), and `urlencode`
/// (spaces as `+`) for query strings.
///
/// ```swift
/// PercentEncoding.quote("a b/ü", safe: .path)      // "a%20b/%C3%BC"
/// PercentEncoding.urlEncode([("q", "a b&c")])       // "q=a+b%26c"
/// ```
package enum PercentEncoding {
    /// The ASCII bytes left as they are: always `A–Z a–z 0–9`, plus the ones a
    /// context allows.
    package struct SafeBytes: Sendable {
        private let low: UInt64
        private let high: UInt64

        package init(_ extra: String) {
            var low: UInt64 = 0
            var high: UInt64 = 0
            let alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            for byte in (alphanumerics + extra).utf8 {
                if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
            }
            self.low = low
            self.high = high
        }

        @inline(__always)
        package func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << byte) != 0 : byte < 128 && high & (1 << (byte &- 64)) != 0
        }

        /// What Python's `quote` always keeps: RFC 3986's unreserved characters.
        package static let unreserved = SafeBytes("_.-~")
        /// Python's `quote` default: the unreserved characters and `/` (Jinja's `urlencode` of a string).
        package static let unreservedAndSlash = SafeBytes("_.-~/")
        /// WHATWG's path-segment set, which Werkzeug uses for rule text and
        /// `string`/`path` values; it keeps `/`.
        package static let path = SafeBytes("_.-~!$&'()*+,/:;=@")
        /// The set Werkzeug's `urlencode` keeps in query names and values.
        package static let query = SafeBytes("_.-~!$'()*,/:;?@")
        /// Werkzeug's `iri_to_uri`: the URI's own characters, existing escapes kept, so
        /// a `Location` with spaces or non-ASCII text becomes valid.
        package static let uri = SafeBytes("_.-~%!$&'()*+,/:;=?@[]")
        /// What Werkzeug keeps in a URL's `#fragment`.
        package static let fragment = SafeBytes("_.-~%!#$&'()*+,/:;=?@")
        /// RFC 5987's `attr-char`, for `filename*=UTF-8''…` in `Content-Disposition`.
        package static let attributeValue = SafeBytes("!#$&+^`|~-._")
        /// What browsers keep in `application/x-www-form-urlencoded` fields (spaces become `+`).
        package static let form = SafeBytes("*-._")
    }

    /// `text` as UTF-8 with every byte outside `safe` written `%XX`.
    package static func quote(_ text: some StringProtocol, safe: SafeBytes, spaceAsPlus: Bool = false) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { !safe.contains($0) }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count * 3)
        for byte in utf8 {
            if safe.contains(byte) {
                bytes.append(byte)
            } else if spaceAsPlus && byte == 0x20 {
                bytes.append(UInt8(ascii: "+"))
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `name=value` pairs joined by `&`, each side quoted with spaces as `+`:
    /// Werkzeug's `_urlencode`.
    package static func urlEncode(_ items: [(name: String, value: String)]) -> String {
        var query = ""
        for (index, item) in items.enumerated() {
            if index > 0 { query += "&" }
            query += quote(item.name, safe: .query, spaceAsPlus: true)
            query += "="
            query += quote(item.value, safe: .query, spaceAsPlus: true)
        }
        return query
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
