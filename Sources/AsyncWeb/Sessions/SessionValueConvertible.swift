public import FoundationEssentials
internal import OrderedCollections

/// A Swift value that stores in the ``Session`` as it is and reads back typed:
/// `String`, `Int`, `Bool`, `Double`, `UUID`, `Date`, ``Markup``, and arrays and
/// `String`-keyed dictionaries of them.
///
/// ```swift
/// session["username"] = name                     // name: String
/// session["visits"] = visits + 1
/// let username: String? = session["username"]
/// ```
public protocol SessionValueConvertible: Sendable {
    /// The value as the session stores it.
    var sessionValue: SessionValue { get }
    /// The value read back; nil when `sessionValue` holds another type.
    init?(sessionValue: SessionValue)
}

extension SessionValue: SessionValueConvertible {
    public var sessionValue: SessionValue { self }
    public init?(sessionValue: SessionValue) { self = sessionValue }
}

extension String: SessionValueConvertible {
    public var sessionValue: SessionValue { .string(self) }
    public init?(sessionValue: SessionValue) {
        guard let text = sessionValue.string else { return nil }
        self = text
    }
}

extension Int: SessionValueConvertible {
    public var sessionValue: SessionValue { .int(self) }
    public init?(sessionValue: SessionValue) {
        guard let number = sessionValue.int else { return nil }
        self = number
    }
}

extension Bool: SessionValueConvertible {
    public var sessionValue: SessionValue { .bool(self) }
    public init?(sessionValue: SessionValue) {
        guard let flag = sessionValue.bool else { return nil }
        self = flag
    }
}

extension Double: SessionValueConvertible {
    public var sessionValue: SessionValue { .double(self) }
    /// A float, or an integer as a float (JSON does not tell `1.0` from `1`).
    public init?(sessionValue: SessionValue) {
        guard let number = sessionValue.double else { return nil }
        self = number
    }
}

extension UUID: SessionValueConvertible {
    public var sessionValue: SessionValue { .uuid(self) }
    public init?(sessionValue: SessionValue) {
        guard let uuid = sessionValue.uuid else { return nil }
        self = uuid
    }
}

extension Date: SessionValueConvertible {
    public var sessionValue: SessionValue { .date(self) }
    public init?(sessionValue: SessionValue) {
        guard let date = sessionValue.date else { return nil }
        self = date
    }
}

extension Markup: SessionValueConvertible {
    public var sessionValue: SessionValue { .markup(self) }
    public init?(sessionValue: SessionValue) {
        guard let markup = sessionValue.markup else { return nil }
        self = markup
    }
}

extension Array: SessionValueConvertible where Element: SessionValueConvertible {
    public var sessionValue: SessionValue { .list(map(\.sessionValue)) }
    /// A list or a tuple whose elements are all `Element`s.
    public init?(sessionValue: SessionValue) {
        guard let elements = sessionValue.list else { return nil }
        var converted: [Element] = []
        for element in elements {
            guard let value = Element(sessionValue: element) else { return nil }
            converted.append(value)
        }
        self = converted
    }
}

extension Dictionary: SessionValueConvertible where Key == String, Value: SessionValueConvertible {
    public var sessionValue: SessionValue {
        .dictionary(OrderedDictionary(uniqueKeysWithValues: map { ($0.key, $0.value.sessionValue) }))
    }
    /// A dictionary whose values are all `Value`s.
    public init?(sessionValue: SessionValue) {
        guard let members = sessionValue.dictionary else { return nil }
        var converted: [String: Value] = [:]
        for (key, member) in members {
            guard let value = Value(sessionValue: member) else { return nil }
            converted[key] = value
        }
        self = converted
    }
}
