/// The methods templates call on strings, lists, tuples and dictionaries,
/// with Python's behaviour: `{{ name.upper() }}`, `{{ ', '.join(tags) }}`,
/// `{% do items.append(4) %}`, `{% for key, value in data.items() %}`.
///
/// Lists and dictionaries are values, so a mutating method changes the
/// receiver passed `inout`; ``isMutating(_:on:)`` tells the compiler to
/// store it back where it came from.
enum TemplateMethods {
    /// Whether `receiver` has a method called `name`.
    static func exists(_ name: String, on receiver: TemplateValue) -> Bool {
        switch receiver {
        case .string: stringMethods.contains(name)
        case .markup: stringMethods.contains(name) || markupMethods.contains(name)
        case .list: listMethods.contains(name)
        case .tuple: tupleMethods.contains(name)
        case .dictionary: dictionaryMethods.contains(name)
        default: false
        }
    }

    /// Whether any type has a method called `name`; attribute reads that
    /// cannot be methods (`row.price`) skip the method check entirely.
    static func isMethodName(_ name: String) -> Bool {
        stringMethods.contains(name) || markupMethods.contains(name) || listMethods.contains(name)
            || tupleMethods.contains(name) || dictionaryMethods.contains(name)
    }

    /// Whether calling `name` on `receiver` changes it.
    static func isMutating(_ name: String, on receiver: TemplateValue) -> Bool {
        switch receiver {
        case .list: mutatingListMethods.contains(name)
        case .dictionary: mutatingDictionaryMethods.contains(name)
        default: false
        }
    }

    /// `receiver.name(arguments)`, or nil when the receiver has no such method.
    static func call(
        _ name: String, on receiver: inout TemplateValue, _ arguments: TemplateCallArguments, state: TemplateRenderState
    ) throws -> TemplateValue? {
        switch receiver {
        case .string(let text):
            return try callString(name, on: text, isMarkup: false, arguments, state: state)
        case .markup(let markup):
            return try callString(name, on: markup.html, isMarkup: true, arguments, state: state)
        case .tuple(let elements):
            return try callTuple(name, on: elements, arguments)
        case .list(var elements):
            guard listMethods.contains(name) else { return nil }
            // Let go of the receiver's copy so the method mutates the only one.
            receiver = .none
            defer { receiver = .list(elements) }
            return try callList(name, on: &elements, arguments, state: state)
        case .dictionary(var members):
            guard dictionaryMethods.contains(name) else { return nil }
            receiver = .none
            defer { receiver = .dictionary(members) }
            return try callDictionary(name, on: &members, arguments)
        default:
            return nil
        }
    }
}
