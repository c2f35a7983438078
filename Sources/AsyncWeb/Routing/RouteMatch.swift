/// What a successful ``URLMap/match(path:method:query:)`` found: the rule,
/// its endpoint and the typed arguments taken from the path.
///
/// ```swift
/// let match = try map.match(path: "/post/42", method: .get)
/// match.endpoint              // "show_post"
/// match.arguments.int("post_id") // 42
/// ```
public struct RouteMatch: Sendable {
    /// The rule that matched.
    public let rule: Rule
    /// The values of the rule's placeholders.
    public let arguments: RouteArguments

    /// The matched rule's endpoint.
    public var endpoint: String { rule.endpoint }
}
