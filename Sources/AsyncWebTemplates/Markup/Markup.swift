/// A string of HTML that is safe to send as is, like MarkupSafe's `Markup`.
///
/// Text that goes into a `Markup` from outside is escaped on the way in, and a `Markup`
/// is never escaped twice:
/// ```swift
/// let name = "<blink>hacker</blink>"
/// let page: Markup = "<strong>Hello \(name)!</strong>"
/// // <strong>Hello &lt;blink&gt;hacker&lt;/blink&gt;!</strong>
/// Markup("<strong>Hello %s!</strong>").formatted(name)   // the same, Flask's `%` form
/// Markup("<em>Marked up</em> &raquo; HTML").striptags()   // "Marked up » HTML"
/// ```
/// `Markup(_:)` trusts its argument, and so does a string literal typed as `Markup` (it is
/// code you wrote): use them only for HTML you wrote or already escaped. Strings that come
/// from outside are escaped by interpolation, `+` and ``formatted(_:)``.
public struct Markup: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The HTML.
    public let html: String

    /// Marks `html` as safe without escaping it.
    public init(_ html: String) {
        self.html = html
    }

    public init(stringLiteral html: String) {
        self.html = html
    }

    public init(stringInterpolation: StringInterpolation) {
        html = stringInterpolation.html
    }

    public var description: String { html }

    /// Builds a `Markup` from a literal whose interpolated values are escaped.
    public struct StringInterpolation: StringInterpolationProtocol {
        var html = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + interpolationCount * 8)
        }

        public mutating func appendLiteral(_ literal: String) {
            html += literal
        }

        /// Appends `value` escaped, unless it is `Markup` already.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            html += escape(value).html
        }
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, as a `Markup`.
    public static func escape(_ text: some CustomStringConvertible) -> Markup {
        AsyncWebTemplates.escape(text)
    }

    /// Replaces each `%s` with the next argument, escaped (MarkupSafe's `%` operator).
    public func formatted(_ arguments: any CustomStringConvertible...) -> Markup {
        var remaining = arguments[...]
        var result = ""
        var rest = html[...]
        while let placeholder = rest.firstRange(of: "%s"), let argument = remaining.popFirst() {
            result += rest[..<placeholder.lowerBound]
            result += AsyncWebTemplates.escape(argument).html
            rest = rest[placeholder.upperBound...]
        }
        result += rest
        return Markup(result)
    }

    /// The text without comments and tags, whitespace collapsed, entities decoded.
    public func striptags() -> String {
        var text = html
        text = removing(from: text, start: "<!--", end: "-->")
        text = removing(from: text, start: "<", end: ">")
        let words = text.split(whereSeparator: \.isWerkzeugWhitespace)
        return Markup(words.joined(separator: " ")).unescape()
    }

    /// The text with HTML entities decoded, as Python's `html.unescape` does.
    public func unescape() -> String {
        HTMLUnescaper.unescape(html)
    }

    /// Safe HTML followed by more safe HTML.
    public static func + (lhs: Markup, rhs: Markup) -> Markup {
        Markup(lhs.html + rhs.html)
    }

    /// Safe HTML followed by text, which is escaped.
    public static func + (lhs: Markup, rhs: String) -> Markup {
        Markup(lhs.html + AsyncWebTemplates.escape(rhs).html)
    }

    /// Text, escaped, followed by safe HTML.
    public static func + (lhs: String, rhs: Markup) -> Markup {
        Markup(AsyncWebTemplates.escape(lhs).html + rhs.html)
    }

    /// Removes each `start … end` span, leaving an unterminated one in place (MarkupSafe's rule).
    private func removing(from text: String, start: String, end: String) -> String {
        var text = text
        while let opening = text.firstRange(of: start),
            let closing = text[opening.lowerBound...].firstRange(of: end)
        {
            text.removeSubrange(opening.lowerBound..<closing.upperBound)
        }
        return text
    }
}

extension Markup: Encodable {
    /// Encodes the HTML as a string, as Flask's JSON does with `__html__`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(html)
    }
}
