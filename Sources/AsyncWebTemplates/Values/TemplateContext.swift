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
