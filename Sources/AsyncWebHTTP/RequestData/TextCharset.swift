/// The few character sets Werkzeug decodes form text with: UTF-8, ASCII and ISO-8859-1.
///
/// Werkzeug trusts only these ("modern clients should only send ASCII or UTF-8") for a
/// multipart field's `charset` and an RFC 2231 parameter; any other label is ignored.
/// Bytes that do not decode become U+FFFD, as Python's `errors="replace"` makes them.
enum TextCharset {
    case utf8, ascii, latin1

    /// The charset a label names, for the labels Werkzeug accepts; nil for any other.
    init?(label: String) {
        switch label.lowercased() {
        case "utf-8": self = .utf8
        case "ascii", "us-ascii": self = .ascii
        case "iso-8859-1": self = .latin1
        default: return nil
        }
    }

    /// The text of `bytes`, each undecodable sequence replaced by U+FFFD.
    func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        switch self {
        case .utf8:
            // Swift's repair replaces each maximal ill-formed subpart, as Python does.
            String(decoding: bytes, as: UTF8.self)
        case .ascii:
            String(String.UnicodeScalarView(bytes.lazy.map { $0 < 0x80 ? Unicode.Scalar($0) : "\u{FFFD}" }))
        case .latin1:
            String(String.UnicodeScalarView(bytes.lazy.map { Unicode.Scalar($0) }))
        }
    }
}
