/// A JSON-shaped value: what `jsonify` writes, what config holds, and what sessions,
/// templates and route arguments convert through when they meet.
///
/// Made from literals, from any `Encodable` with ``JSONValueEncoder``, or read from text:
///
/// ```swift
/// app.config["SECRET_KEY"] = "dev"                          // a JSONValue
/// let tree = try JSONValueEncoder().encode(user)
/// let context = TemplateValue(tree)
/// ```
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// An integer past 64 bits, as its decimal digits (and a `-`): JSON numbers have
    /// no size limit, and Python reads and writes them whole.
    case largeInteger(String)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in the order the value was made with (JSON text read back keeps its order).
    case object([(key: String, value: JSONValue)])
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// `nil` in a literal is JSON's `null`; assigning Swift's `nil` to `config[key]` removes the key.
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }
}

extension JSONValue {
    /// The text of a string.
    public var string: String? { if case .string(let text) = self { text } else { nil } }
    /// An integer (not a bool, unlike Python).
    public var int: Int? { if case .int(let number) = self { number } else { nil } }
    /// A float, or an integer as a float.
    public var double: Double? {
        switch self {
        case .double(let number): number
        case .int(let number): Double(number)
        case .largeInteger(let digits): Double(digits)
        default: nil
        }
    }
    public var bool: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    /// The elements of an array.
    public var array: [JSONValue]? { if case .array(let elements) = self { elements } else { nil } }
    /// The members of an object, in order.
    public var object: [(key: String, value: JSONValue)]? { if case .object(let members) = self { members } else { nil } }
    /// True for `null` (Python's `None`).
    public var isNull: Bool { if case .null = self { true } else { false } }
}

extension JSONValue: Hashable {
    /// Objects are equal with the same members in the same order; NaN equals NaN, so a
    /// value read back from `NaN` text equals the one written.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.largeInteger(let a), .largeInteger(let b)): a == b
        case (.double(let a), .double(let b)): a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let flag): hasher.combine(flag)
        case .int(let number): hasher.combine(number)
        case .largeInteger(let digits): hasher.combine(digits)
        case .double(let number): hasher.combine(number.isNaN ? .nan : number)
        case .string(let text): hasher.combine(text)
        case .array(let elements): hasher.combine(elements)
        case .object(let members):
            hasher.combine(members.count)
            for member in members {
                hasher.combine(member.key)
                hasher.combine(member.value)
            }
        }
    }
}

extension JSONValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .int(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .largeInteger(let digits):
            // Codable has no integer past 64 bits; the nearest float is what a decoder could read.
            var container = encoder.singleValueContainer()
            try container.encode(Double(digits)!)
        case .double(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .object(let members):
            var container = encoder.container(keyedBy: MemberKey.self)
            for member in members { try container.encode(member.value, forKey: MemberKey(member.key)) }
        }
    }

    private struct MemberKey: CodingKey {
        let stringValue: String
        init(_ key: String) { stringValue = key }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}
