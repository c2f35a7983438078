public import FoundationEssentials

/// The values a matched rule's placeholders took, typed by their
/// converters, in the order the rule names them: Werkzeug's view arguments.
///
/// ```swift
/// // rule "/user/<username>/post/<int:post_id>", path "/user/ada/post/7"
/// match.arguments["username"]      // "ada"
/// match.arguments.int("post_id")   // 7
/// match.arguments.value("post_id", as: Int.self) // 7
/// ```
public struct RouteArguments: Sendable, Sequence {
    /// One argument: the placeholder's name and its value.
    public typealias Element = (name: String, value: RouteValue)

    private let entries: [Element]

    init(_ entries: [Element]) {
        self.entries = entries
    }

    /// The number of arguments.
    public var count: Int { entries.count }

    /// Whether the rule had no placeholders.
    public var isEmpty: Bool { entries.isEmpty }

    /// The argument names, in the rule's order.
    public var names: [String] { entries.map(\.name) }

    /// The text of a `string`, `path` or `any` argument; nil for a missing
    /// name or a value of another type (use ``int(_:)`` and friends).
    public subscript(name: String) -> String? {
        switch value(name) {
        case .string(let text)?, .path(let text)?: text
        default: nil
        }
    }

    /// The typed value of an argument, or nil for a missing name.
    public func value(_ name: String) -> RouteValue? {
        entries.first { $0.name == name }?.value
    }

    /// The value of an argument as `T`, e.g. a custom converter's type; nil
    /// for a missing name or a value of another type.
    public func value<T>(_ name: String, as type: T.Type) -> T? {
        value(name)?.cast(to: type)
    }

    /// The value of an `int` argument.
    public func int(_ name: String) -> Int? {
        value(name, as: Int.self)
    }

    /// The value of a `float` argument.
    public func double(_ name: String) -> Double? {
        value(name, as: Double.self)
    }

    /// The value of a `uuid` argument.
    public func uuid(_ name: String) -> UUID? {
        value(name, as: UUID.self)
    }

    public func makeIterator() -> IndexingIterator<[Element]> {
        entries.makeIterator()
    }
}
