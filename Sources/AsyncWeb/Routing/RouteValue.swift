public import FoundationEssentials
public import AsyncWebEncoding

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

    /// The value as JSON, as Flask's JSON provider writes it: `int` stays a number, a
    /// UUID is its lower-case text, a custom converter's value its description.
    ///
    /// ```swift
    /// TemplateValue(match.arguments.value("post_id")!.jsonValue)   // 42
    /// ```
    public var jsonValue: JSONValue {
        switch self {
        case .string(let text), .path(let text): .string(text)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .uuid(let uuid): .string(uuid.uuidString.lowercased())
        case .custom(let custom): .string(String(describing: custom))
        }
    }
}
