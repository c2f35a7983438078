extension JSONValue {
    /// The value both encoders store as it is, without asking it to encode itself: strings,
    /// booleans, numbers and ``JSONValue``s; nil for anything else.
    ///
    /// One list for ``JSONValueEncoder`` and ``JSONTextEncoder``, so they agree on every
    /// type: an `Optional` holding one of these is cast through to it, an unsigned integer
    /// past `Int.max` keeps its digits (as Python's `json.dumps` writes an `int` of any
    /// size), a `Float` is widened to a `Double`.
    package init?(primitive value: some Encodable) {
        switch value {
        case let value as String: self = .string(value)
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .int(value)
        case let value as Int8: self = .int(Int(value))
        case let value as Int16: self = .int(Int(value))
        case let value as Int32: self = .int(Int(value))
        case let value as Int64: self = .int(Int(value))
        case let value as UInt: self = Int(exactly: value).map(JSONValue.int) ?? .largeInteger(String(value))
        case let value as UInt8: self = .int(Int(value))
        case let value as UInt16: self = .int(Int(value))
        case let value as UInt32: self = .int(Int(value))
        case let value as UInt64: self = Int(exactly: value).map(JSONValue.int) ?? .largeInteger(String(value))
        case let value as Double: self = .double(value)
        case let value as Float: self = .double(Double(value))
        case let value as JSONValue: self = value
        default: return nil
        }
    }
}
