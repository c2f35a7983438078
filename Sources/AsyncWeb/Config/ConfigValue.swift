/// A configuration value: what Flask's config dictionary holds, typed.
///
/// Literals work: `app.config["SECRET_KEY"] = "dev"`, `app.config["MAX_CONTENT_LENGTH"] = 16_000_000`.
public enum ConfigValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral
{
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([ConfigValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(nilLiteral: ()) { self = .none }
    public init(arrayLiteral elements: ConfigValue...) { self = .list(elements) }

    public var string: String? { if case .string(let value) = self { value } else { nil } }
    public var int: Int? { if case .int(let value) = self { value } else { nil } }
    public var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    public var double: Double? {
        switch self {
        case .double(let value): value
        case .int(let value): Double(value)
        default: nil
        }
    }
    public var list: [ConfigValue]? { if case .list(let value) = self { value } else { nil } }
    public var isNone: Bool { self == .none }

    /// A value from an environment variable, read as JSON where it parses (`true`, `5`,
    /// `[1, 2]`, `"text"`), else as the plain string: Flask's `from_prefixed_env`.
    init(environmentText text: String) {
        switch text {
        case "true": self = .bool(true)
        case "false": self = .bool(false)
        case "null": self = .none
        default:
            if let integer = Int(text) {
                self = .int(integer)
            } else if let number = Double(text), text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                self = .double(number)
            } else if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
                self = .string(String(text.dropFirst().dropLast()))
            } else {
                self = .string(text)
            }
        }
    }
}
