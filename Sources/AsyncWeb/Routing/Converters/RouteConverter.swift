internal import AsyncWebEncoding

/// Turns one `<converter:name>` placeholder of a rule into a typed value when
/// matching, and a value back into URL text when building: Werkzeug's
/// `BaseConverter`.
///
/// The built-in converters are `string` (the default), `path`, `int`,
/// `float`, `uuid` and `any`. A custom converter only has to say which text
/// it accepts and what value that text stands for; register it under the
/// name rules use:
///
/// ```swift
/// struct HexConverter: RouteConverter {
///     init(arguments: ConverterArguments) throws(RulePatternError) {
///         _ = try arguments.bind([])
///     }
///     func accepts(_ text: Substring) -> Bool {
///         !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit }
///     }
///     func value(from text: Substring) -> RouteValue? {
///         Int(text, radix: 16).map(RouteValue.int)
///     }
/// }
///
/// var map = URLMap()
/// map.register(HexConverter.self, as: "hex")
/// try map.add("/color/<hex:rgb>", endpoint: "color")
/// let match = try map.match(path: "/color/ff8800", method: .get)
/// match.arguments.int("rgb") // 16746496
/// ```
///
/// Matching happens in two steps, as in Werkzeug: the path is first matched
/// against what converters *accept* (Werkzeug's regex), and only the winning
/// rule's converters then turn text into values. A value a converter refuses
/// (`value(from:)` returns nil) makes the whole request a 404 rather than
/// trying the next rule, exactly like Werkzeug's `ValidationError`.
public protocol RouteConverter: Sendable {
    /// Creates the converter from the arguments written in the rule, as in
    /// `<string(length=2):code>`; throws when they don't fit.
    init(arguments: ConverterArguments) throws(RulePatternError)

    /// The order among converters at the same place in competing rules:
    /// lower weights are tried first. Werkzeug's numbers: `int` and `float`
    /// 50, `string`, `any` and `uuid` 100, `path` 200. Defaults to 100.
    var weight: Int { get }

    /// Whether a value may contain `/` and so span several path segments,
    /// like `path` (Werkzeug's `part_isolating = False`). Defaults to false.
    var matchesSlashes: Bool { get }

    /// Converters with the same identity accept exactly the same text, so
    /// rules that differ only in them share one matching step, as rules with
    /// the same regex do in Werkzeug. Defaults to the converter's type name.
    var patternIdentity: String { get }

    /// Whether the whole of `text` is something this converter matches.
    func accepts(_ text: Substring) -> Bool

    /// The ends of the prefixes of `text` this converter matches, the one to
    /// try first first; used when a segment holds more than a placeholder
    /// (`/<name>.html`). Defaults to the longest prefix first, like a greedy
    /// regex.
    func prefixEnds(in text: Substring) -> [Substring.Index]

    /// The value that accepted text stands for, or nil to refuse it.
    func value(from text: Substring) -> RouteValue?

    /// The URL text for a value when building a URL; throws when the value
    /// can't be one of this converter's. Defaults to the value percent-encoded
    /// for a path segment, as Werkzeug's `BaseConverter.to_url`.
    func urlText(for value: String) throws(InvalidRouteValue) -> String
}

extension RouteConverter {
    public var weight: Int { 100 }

    public var matchesSlashes: Bool { false }

    public var patternIdentity: String { String(reflecting: Self.self) }

    public func prefixEnds(in text: Substring) -> [Substring.Index] {
        // Scalars, not Characters: Werkzeug's regexes count code points.
        let scalars = text.unicodeScalars
        var ends: [Substring.Index] = []
        var end = scalars.endIndex
        while end > scalars.startIndex {
            if accepts(Substring(scalars[scalars.startIndex..<end])) {
                ends.append(end)
            }
            end = scalars.index(before: end)
        }
        return ends
    }

    public func urlText(for value: String) throws(InvalidRouteValue) -> String {
        PercentEncoding.quote(value, safe: .path)
    }
}

/// Thrown by a converter that can't turn a value into URL text, for example
/// `"abc"` for an `int`.
///
/// ```swift
/// throw InvalidRouteValue("'\(value)' is not a colour")
/// ```
public struct InvalidRouteValue: Error, Equatable, CustomStringConvertible {
    /// What is wrong with the value.
    public let message: String

    /// A refusal explained by `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
