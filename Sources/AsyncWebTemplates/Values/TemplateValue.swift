public import BigInt
public import OrderedCollections

/// A value as a template sees it: Python's data model, reduced to what
/// Jinja templates use.
///
/// Contexts are usually built from literals or from your own `Encodable`
/// types (see ``TemplateValue/init(encoding:)``):
///
/// ```swift
/// let context: [String: TemplateValue] = ["title": "Home", "items": [1, 2, 3], "user": nil]
/// ```
///
/// Lists and dictionaries are values, as everywhere in Swift: a template
/// that calls `items.append(4)` updates the variable it called it on, not
/// other variables holding the same list.
public enum TemplateValue: Sendable {
    /// A missing variable, attribute or item; see ``TemplateUndefined``.
    case undefined(TemplateUndefined)
    /// Python's `None`.
    case none
    case bool(Bool)
    /// An integer that fits in 64 bits: the fast path for every integer operation.
    case int(Int)
    /// An integer past 64 bits, as Python's integers grow. Only ever made for
    /// values that do not fit ``int(_:)`` (see ``TemplateValue/init(integer:)``), so
    /// each integer has one form. Boxed, so that it does not widen every value.
    indirect case bigInt(BigInt)
    case double(Double)
    case string(String)
    /// HTML that is printed as it is, never escaped again.
    case markup(Markup)
    case list([TemplateValue])
    case tuple([TemplateValue])
    /// A dictionary that keeps its insertion order, as Python's does. Boxed,
    /// so that passing a dictionary around retains one reference, not three.
    indirect case dictionary(TemplateDictionary)
    /// A macro, a global function such as `range`, or a bound method.
    case callable(TemplateCallable)
    /// Anything with attributes: `loop`, `namespace()`, `cycler()`, Flask's `request`.
    case object(any TemplateObject)
}

/// Template dictionaries keep insertion order and compare keys as Python does.
public typealias TemplateDictionary = OrderedDictionary<TemplateValue, TemplateValue>

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .none }

    public init(dictionaryLiteral elements: (TemplateValue, TemplateValue)...) {
        self = .dictionary(TemplateDictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension TemplateValue {
    /// A dictionary with string keys, in the order given.
    public static func dictionary(_ members: KeyValuePairs<String, TemplateValue>) -> TemplateValue {
        .dictionary(TemplateDictionary(members.map { (TemplateValue.string($0.key), $0.value) }, uniquingKeysWith: { _, last in last }))
    }

    /// True for the ``undefined(_:)`` case.
    public var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }
}
