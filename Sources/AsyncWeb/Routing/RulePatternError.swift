/// Thrown when a rule is registered whose pattern can't be used: it doesn't
/// start with `/`, has a malformed placeholder, names an unknown converter,
/// gives a converter arguments it doesn't take, or repeats a name.
///
/// ```swift
/// do {
///     try map.add("/user/<int:id", endpoint: "user")
/// } catch {
///     print(error) // Invalid URL rule '/user/<int:id': malformed placeholder at "<int:id" …
/// }
/// ```
public struct RulePatternError: Error, Equatable, CustomStringConvertible {
    /// The pattern as registered; empty while a converter reports a problem
    /// with its arguments, before the map fills it in.
    public internal(set) var pattern: String
    /// What is wrong, and where.
    public let reason: String

    /// A problem with a converter's arguments, for `RouteConverter.init(arguments:)`.
    public init(_ reason: String) {
        self.pattern = ""
        self.reason = reason
    }

    init(pattern: String, reason: String) {
        self.pattern = pattern
        self.reason = reason
    }

    public var description: String {
        pattern.isEmpty ? reason : "Invalid URL rule '\(pattern)': \(reason)"
    }
}
