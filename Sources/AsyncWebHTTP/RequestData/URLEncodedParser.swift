internal import AsyncWebEncoding

/// Parses `a=1&b=2&a=3`, from a query string or an `application/x-www-form-urlencoded`
/// body, exactly as Werkzeug 3.1 does (`parse_qsl` with `keep_blank_values=True`).
///
/// ```swift
/// let args = URLEncodedParser.parse("q=caf%C3%A9+cr%C3%A8me&page=2".utf8)
/// args["q"]        // "café crème"
/// ```
/// The rules, Werkzeug's:
/// - `&` is the only separator (`;` is ordinary text); empty pairs (`&&`) are skipped;
/// - the first `=` splits name from value, and a pair without one has the value `""`;
/// - `+` is a space, `%XX` a byte, and a `%` without two hex digits stays as it is;
/// - the bytes are UTF-8, and bytes that are not valid UTF-8 stay percent-encoded
///   (`%ff` gives `"%FF"`), so nothing sent is lost.
public enum URLEncodedParser {
    /// The pairs of `bytes`, in order.
    ///
    /// Raw (unescaped) bytes that are not UTF-8 are percent-encoded like escaped ones.
    /// Werkzeug's `request.args` raises on them instead, which Flask answers with a 500.
    public static func parse<Bytes: Collection>(_ bytes: Bytes) -> MultiDict<String> where Bytes.Element == UInt8 {
        // One copy into a concrete array keeps the byte loops specialized for any caller.
        parsePairs(Array(bytes))
    }

    /// A form body's pairs, or nil when the body is not UTF-8: Werkzeug decodes the whole
    /// body strictly first and, when that fails, leaves the form empty.
    static func parseFormBody(_ body: [UInt8]) -> MultiDict<String>? {
        guard String(validating: body, as: UTF8.self) != nil else { return nil }
        return parsePairs(body)
    }

    private static func parsePairs(_ bytes: [UInt8]) -> MultiDict<String> {
        var pairs = MultiDict<String>()
        var pairStart = 0
        while pairStart < bytes.count {
            let pairEnd = bytes[pairStart...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
            let pair = bytes[pairStart..<pairEnd]
            pairStart = pairEnd + 1
            guard !pair.isEmpty else { continue }
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                pairs.add(component(pair[..<equals]), component(pair[(equals + 1)...]))
            } else {
                pairs.add(component(pair), "")
            }
        }
        return pairs
    }

    private static func component(_ raw: ArraySlice<UInt8>) -> String {
        let needsDecoding = raw.contains { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }
        if !needsDecoding, let text = String(validating: raw, as: UTF8.self) { return text }
        return String(decodingUTF8EscapingInvalidBytes: PercentDecoding.decode(raw, plusAsSpace: true))
    }
}
