internal import AsyncWebEncoding

/// Python's built-in operations on template values (`bool()`, `str()`,
/// `repr()`, `len()`, `iter()`), which is what Jinja applies to them.
extension TemplateValue {
    /// Python's name for the value's type, as `TypeError` messages use it.
    var typeName: String {
        switch self {
        case .undefined: "Undefined"
        case .none: "NoneType"
        case .bool: "bool"
        case .int, .bigInt: "int"
        case .double: "float"
        case .string: "str"
        case .markup: "Markup"
        case .list: "list"
        case .tuple: "tuple"
        case .dictionary: "dict"
        case .callable: "function"
        case .object(let object): String(object.typeDescription.dropLast(" object".count))
        }
    }

    /// Jinja's `object_type_repr`: how "has no attribute" messages name the owner.
    var ownerDescription: String {
        switch self {
        case .none: "None"
        case .object(let object): object.typeDescription
        default: "\(typeName) object"
        }
    }

    /// `bool(value)`.
    public func truth() throws -> Bool {
        switch self {
        case .undefined(let undefined):
            if undefined.isStrict { throw undefined.error }
            return false
        case .none: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .bigInt: return true
        case .double(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .markup(let markup): return !markup.html.isEmpty
        case .list(let elements), .tuple(let elements): return !elements.isEmpty
        case .dictionary(let members): return !members.isEmpty
        case .callable: return true
        case .object(let range as TemplateRange): return range.item(0) != nil
        case .object(let object): return object.elements.map { !$0.isEmpty } ?? true
        }
    }

    /// `str(value)`; a ``Markup`` gives its HTML.
    public func text() throws -> String {
        switch self {
        case .undefined(let undefined):
            if undefined.isStrict { throw undefined.error }
            return ""
        case .string(let text): return text
        case .markup(let markup): return markup.html
        case .object(let object): return object.printed
        case .bigInt(let number): return try Self.decimalText(number)
        default: return repr
        }
    }

    /// `repr(value)`, which is also how lists and dictionaries print their contents.
    package var repr: String {
        switch self {
        case .undefined: return "Undefined"
        case .none: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .bigInt(let number): return String(number)
        case .double(let number): return PythonText.repr(number)
        case .string(let text): return PythonText.repr(text)
        case .markup(let markup): return "Markup(\(PythonText.repr(markup.html)))"
        case .list(let elements): return "[" + elements.map(\.repr).joined(separator: ", ") + "]"
        case .tuple(let elements):
            if elements.count == 1 { return "(\(elements[0].repr),)" }
            return "(" + elements.map(\.repr).joined(separator: ", ") + ")"
        case .dictionary(let members):
            return "{" + members.map { "\($0.key.repr): \($0.value.repr)" }.joined(separator: ", ") + "}"
        case .callable(let callable): return "<function \(callable.name)>"
        case .object(let object): return object.printed
        }
    }

    /// The elements `for` visits: list items, a string's characters (code
    /// points, as Python's), a dictionary's keys.
    public func elements() throws -> [TemplateValue] {
        switch self {
        case .undefined(let undefined):
            if undefined.isStrict { throw undefined.error }
            return []
        case .list(let elements), .tuple(let elements): return elements
        case .dictionary(let members): return Array(members.keys)
        case .string(let text): return text.unicodeScalars.map { .string(String($0)) }
        // Python iterates a Markup like any str: into plain one-character strings.
        case .markup(let markup): return markup.html.unicodeScalars.map { .string(String($0)) }
        case .object(let object):
            if let range = object as? TemplateRange { return try range.materialized() }
            if let elements = object.elements { return elements }
        default: break
        }
        throw TemplateError(.type, "'\(typeName)' object is not iterable")
    }

    /// `len(value)`; strings count code points, as Python does.
    public func count() throws -> Int {
        switch self {
        case .undefined(let undefined):
            if undefined.isStrict { throw undefined.error }
            return 0
        case .string(let text): return text.unicodeScalars.count
        case .markup(let markup): return markup.html.unicodeScalars.count
        case .list(let elements), .tuple(let elements): return elements.count
        case .dictionary(let members): return members.count
        case .object(let object):
            if let range = object as? TemplateRange { return try range.count() }
            if let elements = object.elements { return elements.count }
        default: break
        }
        throw TemplateError(.type, "object of type '\(typeName)' has no len()")
    }

    /// The text of a string or ``Markup``, nil for other values.
    public var stringValue: String? {
        switch self {
        case .string(let text): text
        case .markup(let markup): markup.html
        default: nil
        }
    }

    /// The value as a Python number (`bool` counts as `int`), nil otherwise;
    /// an integer past the largest float is infinite.
    public var numericValue: Double? {
        switch self {
        case .int(let number): Double(number)
        case .bigInt(let number): (try? Self.float(number)) ?? (number < 0 ? -.infinity : .infinity)
        case .double(let number): number
        case .bool(let flag): flag ? 1 : 0
        default: nil
        }
    }

    /// The value as a Python integer that fits in 64 bits (`bool` counts), nil
    /// otherwise; see ``bigIntegerValue`` for integers of any size.
    public var integerValue: Int? {
        switch self {
        case .int(let number): number
        case .bool(let flag): flag ? 1 : 0
        default: nil
        }
    }
}
