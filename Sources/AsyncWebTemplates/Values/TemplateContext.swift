internal import AsyncWebEncoding

/// The variables a render starts with, written as a dictionary literal of
/// template values or of any `Encodable` values of your own.
///
/// ```swift
/// try templates.render("user.html", ["user": user, "title": "Profile"])
/// ```
///
/// `Encodable` values are converted through an encoder (no JSON text in
/// between); ``TemplateValue`` and ``Markup`` values are taken as they are.
public struct TemplateContext: ExpressibleByDictionaryLiteral {
    public private(set) var variables: [String: TemplateValue]

    public init(_ variables: [String: TemplateValue] = [:]) {
        self.variables = variables
    }

    /// A context from your own values; throws when one cannot be encoded.
    public init(encoding values: [String: any Encodable]) throws {
        variables = try values.mapValues { try TemplateValue(encoding: $0) }
    }

    /// Literal contexts: a value that fails to encode becomes undefined, so
    /// the template reports the name where it is used.
    public init(dictionaryLiteral elements: (String, any Encodable)...) {
        variables = Dictionary(elements.map { name, value in
            (name, (try? TemplateValue(encoding: value)) ?? .undefined(.named(name)))
        }, uniquingKeysWith: { _, last in last })
    }

    /// A context from a JSON object, keeping its key order and telling `1`
    /// from `1.0`, as Python's `json` would (what `asyncweb render --context` reads).
    public init(json text: String) throws {
        let value: TemplateValue
        do {
            value = TemplateValue(try JSONReader.parse(text))
        } catch {
            throw TemplateError(.value, error.description)
        }
        guard case .dictionary(let members) = value else {
            throw TemplateError(.type, "the context must be a JSON object, not \(value.typeName)")
        }
        variables = Dictionary(try members.map { (try $0.key.text(), $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// Sets or replaces one variable.
    public subscript(name: String) -> TemplateValue? {
        get { variables[name] }
        set { variables[name] = newValue }
    }
}

extension TemplateValue {
    /// The template form of any `Encodable`: structs and dictionaries become
    /// dictionaries (keys in encoding order), arrays lists, optionals `None`.
    public init(encoding value: some Encodable) throws {
        switch value {
        case let value as TemplateValue: self = value
        case let markup as Markup: self = .markup(markup)
        case let text as String: self = .string(text)
        case let number as Int: self = .int(number)
        default: self.init(try EncodedValueEncoder().encode(value))
        }
    }

    init(_ encoded: EncodedValue) {
        switch encoded {
        case .null: self = .none
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .list(elements.map(TemplateValue.init))
        case .object(let members):
            self = .dictionary(TemplateDictionary(
                members.map { (TemplateValue.string($0.key), TemplateValue($0.value)) }, uniquingKeysWith: { _, last in last }
            ))
        }
    }
}

extension TemplateValue: Encodable {
    /// Encodes as JSON would show the value: Markup as its HTML, tuples as
    /// arrays, undefined and callables as null.
    public func encode(to encoder: any Encoder) throws {
        try encodedValue.encode(to: encoder)
    }

    /// The value as a plain tree, for JSON output (`|tojson`).
    var encodedValue: EncodedValue {
        switch self {
        case .undefined, .none, .callable: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .markup(let markup): .string(markup.html)
        case .list(let elements), .tuple(let elements): .array(elements.map(\.encodedValue))
        case .dictionary(let members): .object(members.map { (key: (try? $0.key.text()) ?? $0.key.repr, value: $0.value.encodedValue) })
        case .object(let object): object.elements.map { .array($0.map(\.encodedValue)) } ?? .string(object.printed)
        }
    }
}
