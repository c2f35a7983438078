public import FoundationEssentials
public import OrderedCollections
public import AsyncWebEncoding

/// A value stored in the ``Session``: what Flask's session serializer can
/// store, which is JSON plus tuples, bytes, Markup, UUIDs and dates.
///
/// Literals and plain Swift values (``SessionValueConvertible``) work, and typed
/// getters read it back:
///
/// ```swift
/// session["user"] = name                                   // name: String
/// session["visits"] = (session["visits"]?.int ?? 0) + 1
/// let user = session["user"]?.string
/// ```
/// Your own `Codable` types go in with ``Session/set(_:_:)`` and come out with
/// ``Session/subscript(_:as:)``.
public enum SessionValue: Sendable, Hashable {
    /// Python's `None` (JSON `null`).
    case none
    case bool(Bool)
    case int(Int)
    /// An integer past 64 bits, as its decimal digits (after a `-` if negative): Flask's
    /// session holds Python's integers of any size, and such a value comes back unchanged.
    case largeInteger(String)
    case double(Double)
    case string(String)
    /// Python's `bytes`, stored base64-encoded under Flask's `" b"` tag.
    case bytes([UInt8])
    /// HTML, stored under Flask's `" m"` tag, read back as Markup.
    case markup(Markup)
    /// Stored under Flask's `" u"` tag as 32 hex digits.
    case uuid(UUID)
    /// Stored under Flask's `" d"` tag as an HTTP date: whole seconds, UTC.
    case date(Date)
    case list([SessionValue])
    /// Python's `tuple`, stored under Flask's `" t"` tag.
    case tuple([SessionValue])
    /// A dictionary in insertion order, as Python's is; keys are strings, as JSON's are.
    case dictionary(OrderedDictionary<String, SessionValue>)
}

extension SessionValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: SessionValue...) { self = .list(elements) }
    /// `nil` in a literal is Python's `None`; assigning Swift's `nil` to `session[key]` removes the key.
    public init(nilLiteral: ()) { self = .none }

    public init(dictionaryLiteral elements: (String, SessionValue)...) {
        self = .dictionary(OrderedDictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension SessionValue {
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
    /// The elements of a list or a tuple.
    public var list: [SessionValue]? {
        switch self {
        case .list(let elements), .tuple(let elements): elements
        default: nil
        }
    }
    public var dictionary: OrderedDictionary<String, SessionValue>? { if case .dictionary(let members) = self { members } else { nil } }
    public var bytes: [UInt8]? { if case .bytes(let bytes) = self { bytes } else { nil } }
    public var markup: Markup? { if case .markup(let markup) = self { markup } else { nil } }
    public var uuid: UUID? { if case .uuid(let uuid) = self { uuid } else { nil } }
    public var date: Date? { if case .date(let date) = self { date } else { nil } }
    /// True for Python's `None`.
    public var isNone: Bool { self == .none }

    /// The session form of any `Encodable`: structs and dictionaries become
    /// dictionaries, arrays lists. A `UUID`, `Date`, `Data` or ``Markup`` given
    /// directly keeps its own tag; inside your types they are stored as their
    /// `Encodable` form, which ``decode(as:)`` reads back.
    public init(encoding value: some Encodable) throws {
        switch value {
        case let value as SessionValue: self = value
        case let text as String: self = .string(text)
        case let number as Int: self = .int(number)
        case let flag as Bool: self = .bool(flag)
        case let number as Double: self = .double(number)
        case let markup as Markup: self = .markup(markup)
        case let uuid as UUID: self = .uuid(uuid)
        case let date as Date: self = .date(date)
        case let data as Data: self = .bytes(Array(data))
        default: self.init(try JSONValueEncoder().encode(value))
        }
    }

    /// The session form of JSON: objects become dictionaries, arrays lists.
    ///
    /// ```swift
    /// session["prefs"] = SessionValue(["theme": "dark", "columns": 2] as JSONValue)
    /// ```
    public init(_ encoded: JSONValue) {
        switch encoded {
        case .null: self = .none
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .largeInteger(let digits): self = .largeInteger(digits)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .list(elements.map(SessionValue.init))
        case .object(let members):
            self = .dictionary(OrderedDictionary(members.map { ($0.key, SessionValue($0.value)) }, uniquingKeysWith: { _, last in last }))
        }
    }

    /// The value as one of your `Decodable` types, read the way `JSONDecoder`
    /// reads the JSON Flask would write for it (tagged values as their JSON form).
    public func decode<Value: Decodable>(as type: Value.Type = Value.self) throws -> Value {
        switch self {
        case .uuid(let uuid) where type == UUID.self: return uuid as! Value
        case .date(let date) where type == Date.self: return date as! Value
        case .bytes(let bytes) where type == Data.self: return Data(bytes) as! Value
        default:
            // A top-level scalar is valid JSON text too, so one path serves every shape.
            return try JSONDecoder().decode(type, from: Data(JSONWriter.flask.write(jsonValue).utf8))
        }
    }

    /// The value as plain JSON, without Flask's tags: what a `Decodable` type expects to
    /// read (bytes as base64, Markup as its HTML, a UUID as its text, a date as
    /// `Date`'s seconds since 2001, tuples as arrays).
    ///
    /// ```swift
    /// let json = session["cart"]?.jsonValue
    /// ```
    public var jsonValue: JSONValue {
        switch self {
        case .none: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .largeInteger(let digits): .largeInteger(digits)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .bytes(let bytes): .string(Data(bytes).base64EncodedString())
        case .markup(let markup): .string(markup.html)
        case .uuid(let uuid): .string(uuid.uuidString)
        case .date(let date): .double(date.timeIntervalSinceReferenceDate)
        case .list(let elements), .tuple(let elements): .array(elements.map(\.jsonValue))
        case .dictionary(let members): .object(members.map { (key: $0.key, value: $0.value.jsonValue) })
        }
    }
}

extension SessionValue {
    /// Dictionaries are equal with the same members in any order, as Python's are: a
    /// session read back from its cookie has its keys sorted.
    public static func == (lhs: SessionValue, rhs: SessionValue) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.largeInteger(let a), .largeInteger(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.bytes(let a), .bytes(let b)): a == b
        case (.markup(let a), .markup(let b)): a == b
        case (.uuid(let a), .uuid(let b)): a == b
        case (.date(let a), .date(let b)): a == b
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)): a == b
        case (.dictionary(let a), .dictionary(let b)): a.count == b.count && a.allSatisfy { b[$0.key] == $0.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .none: hasher.combine(0)
        case .bool(let flag): hasher.combine(flag)
        case .int(let number): hasher.combine(number)
        case .largeInteger(let digits): hasher.combine(digits)
        case .double(let number): hasher.combine(number)
        case .string(let text): hasher.combine(text)
        case .bytes(let bytes): hasher.combine(bytes)
        case .markup(let markup): hasher.combine(markup)
        case .uuid(let uuid): hasher.combine(uuid)
        case .date(let date): hasher.combine(date)
        case .list(let elements): hasher.combine(elements)
        case .tuple(let elements):
            hasher.combine(1)
            hasher.combine(elements)
        case .dictionary(let members):
            // Order-independent, like the equality: a sum of each member's own hash.
            hasher.combine(members.reduce(0) { $0 &+ Self.memberHash($1.key, $1.value) })
        }
    }

    private static func memberHash(_ key: String, _ value: SessionValue) -> Int {
        var hasher = Hasher()
        hasher.combine(key)
        hasher.combine(value)
        return hasher.finalize()
    }
}
