public import AsyncWebEncoding
internal import BigInt

extension TemplateValue {
    /// The template form of JSON: objects become dictionaries (keys in their order),
    /// arrays lists, `null` Python's `None`.
    ///
    /// ```swift
    /// let context = TemplateValue(try JSONValueEncoder().encode(user))
    /// ```
    public init(_ json: JSONValue) {
        switch json {
        case .null: self = .none
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .largeInteger(let digits): self = BigInt(digits).map(TemplateValue.init(integer:)) ?? .none
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .list(elements.map(TemplateValue.init))
        case .object(let members):
            self = .dictionary(TemplateDictionary(
                members.map { (TemplateValue.string($0.key), TemplateValue($0.value)) }, uniquingKeysWith: { _, last in last }
            ))
        }
    }

    /// The template form of any `Encodable`: structs and dictionaries become
    /// dictionaries (keys in encoding order), arrays lists, optionals `None`.
    public init(encoding value: some Encodable) throws {
        switch value {
        case let value as TemplateValue: self = value
        case let markup as Markup: self = .markup(markup)
        case let text as String: self = .string(text)
        case let number as Int: self = .int(number)
        default: self.init(try JSONValueEncoder().encode(value))
        }
    }

    /// The value as Python's `json` would write it: Markup as its HTML, tuples and
    /// iterable objects as arrays, number, boolean and `None` keys as their JSON text.
    /// Throws a `TypeError` for undefined values, callables and other objects, and for
    /// keys of other types, as `json.dumps` does.
    ///
    /// ```swift
    /// let json = try TemplateValue.tuple([1, "a"]).jsonValue   // [1, "a"]
    /// ```
    public var jsonValue: JSONValue {
        get throws { try jsonValue(sortingKeys: false) }
    }

    /// With `sortingKeys`, dictionaries come out in Python's `sorted` order of their own
    /// keys, as `sort_keys=True` sorts before it makes keys strings: `{2: …, 10: …}`
    /// stays in that order, and `1` beside `"b"` is a `TypeError`.
    func jsonValue(sortingKeys: Bool) throws -> JSONValue {
        switch self {
        case .none: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .bigInt(let number): return .largeInteger(String(number))
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .markup(let markup): return .string(markup.html)
        case .list(let elements), .tuple(let elements):
            return .array(try elements.map { try $0.jsonValue(sortingKeys: sortingKeys) })
        case .dictionary(let members):
            let ordered = sortingKeys
                ? try TemplateFilters.stableSorted(Array(members), by: { try TemplateValue.isLess($0.key, $1.key) })
                : Array(members)
            return .object(try ordered.map { (key: try $0.key.jsonKey(), value: try $0.value.jsonValue(sortingKeys: sortingKeys)) })
        case .object(let object):
            if let elements = object.elements { return try TemplateValue.list(elements).jsonValue(sortingKeys: sortingKeys) }
            throw notSerializable
        case .undefined, .callable:
            throw notSerializable
        }
    }

    /// `json.dumps`'s error for a value JSON has no form for.
    private var notSerializable: TemplateError {
        TemplateError(.type, "Object of type \(TemplateFilters.typeName(self)) is not JSON serializable")
    }

    /// A dictionary key as JSON has it: strings as they are, numbers,
    /// booleans and `None` as their JSON text, anything else a `TypeError`.
    private func jsonKey() throws -> String {
        switch self {
        case .string(let text): return text
        case .markup(let markup): return markup.html
        case .int(let number): return String(number)
        case .bigInt(let number): return String(number)
        case .double(let number): return JSONWriter.pythonRepr(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .none: return "null"
        default: throw TemplateError(.type, "keys must be str, int, float, bool or None, not \(TemplateFilters.typeName(self))")
        }
    }
}

extension TemplateValue: Encodable {
    /// Encodes the ``jsonValue``; a value JSON cannot hold throws its `TypeError`.
    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}
