public import FoundationEssentials

/// The typed value a converter made of one placeholder in a matched path.
///
/// ```swift
/// switch match.arguments.value("post_id") {
/// case .int(let id)?: print("post", id)
/// default: break
/// }
/// ```
public enum RouteValue: Sendable {
    /// From `string` and `any`.
    case string(String)
    /// From `path`: text that may contain `/`.
    case path(String)
    /// From `int`.
    case int(Int)
    /// From `float`.
    case double(Double)
    /// From `uuid`.
    case uuid(UUID)
    /// From a custom converter.
    case custom(any Sendable)

    /// The value as `T`, or nil when it is of another type.
    func cast<T>(to type: T.Type) -> T? {
        switch self {
        case .string(let text), .path(let text): text as? T
        case .int(let number): number as? T
        case .double(let number): number as? T
        case .uuid(let uuid): uuid as? T
        case .custom(let value): value as? T
        }
    }
}
