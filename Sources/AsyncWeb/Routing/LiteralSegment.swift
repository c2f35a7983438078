/// A path segment as a dictionary key, equal to another only when their
/// scalars are the same, as Python compares strings. Swift's `String`
/// equality also matches canonically equivalent spellings (`é` and `e` +
/// combining accent), which Werkzeug treats as different URLs.
///
/// ```swift
/// children[LiteralSegment(rulePart)]           // registering: text of a rule
/// children[LiteralSegment(probing: segment)]   // matching: text of a request
/// ```
struct LiteralSegment: Hashable, Sendable {
    let text: Substring
    /// The UTF-8 length, compared before anything else.
    private let byteCount: Int
    /// Known only for a rule's text, where it's worth working out once.
    private let isKnownASCII: Bool

    /// A rule's segment.
    init(_ text: String) {
        self.text = text[...]
        byteCount = text.utf8.count
        isKnownASCII = text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The empty segment: before a path's first `/`, or after its last.
    static let empty = LiteralSegment("")

    /// A request's segment, looked up once.
    init(probing text: Substring) {
        self.text = text
        byteCount = text.utf8.count
        isKnownASCII = false
    }

    static func == (lhs: LiteralSegment, rhs: LiteralSegment) -> Bool {
        guard lhs.byteCount == rhs.byteCount, lhs.text == rhs.text else { return false }
        // Swift's `==` compares canonical forms. No non-ASCII spelling of an
        // ASCII text has its byte length, so for an ASCII side `==` is exact.
        return lhs.isKnownASCII || rhs.isKnownASCII || lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        // Equal scalars are equal canonically, so String's hash agrees with `==`.
        hasher.combine(text)
    }
}
