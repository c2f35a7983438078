/// The methods of `dict`. A dictionary is a value here, so the mutating
/// ones change the `members` they are handed and the compiler stores the
/// result back in the variable the dictionary came from.
extension TemplateMethods {
    static let dictionaryMethods: Set<String> = [
        "keys", "values", "items", "get", "pop", "popitem", "setdefault", "update", "copy", "clear",
    ]
    static let mutatingDictionaryMethods: Set<String> = ["pop", "popitem", "setdefault", "update", "clear"]

    /// `dict.name(arguments)` on `members`, or nil when dictionaries have no such method.
    static func callDictionary(
        _ name: String, on members: inout TemplateDictionary, _ arguments: TemplateCallArguments
    ) throws -> TemplateValue? {
        func bound(_ parameters: [String] = [], required: Int = 0) throws -> TemplateMethodArguments {
            try TemplateMethodArguments("dict", name, arguments, parameters, required: required, counted: .clinic)
        }
        switch name {
        case "keys", "values", "items":
            _ = try bound()
            let kind: TemplateDictionaryView.Kind = name == "keys" ? .keys : name == "values" ? .values : .items
            return .object(TemplateDictionaryView(kind, members))
        case "get":
            let parameters = try bound(["key", "default"], required: 1)
            return members[parameters[0]!] ?? parameters[1] ?? TemplateValue.none
        case "pop":
            let parameters = try bound(["key", "default"], required: 1)
            if let value = members.removeValue(forKey: parameters[0]!) { return value }
            guard let fallback = parameters[1] else { throw PythonErrors.key(parameters[0]!) }
            return fallback
        case "popitem":
            _ = try bound()
            guard let last = members.elements.last else {
                throw PythonErrors.key(message: "popitem(): dictionary is empty")
            }
            members.removeLast()
            return .tuple([last.key, last.value])
        case "setdefault":
            let parameters = try bound(["key", "default"], required: 1)
            if let value = members[parameters[0]!] { return value }
            let value = parameters[1] ?? TemplateValue.none
            members[parameters[0]!] = value
            return value
        case "update":
            guard arguments.positional.count <= 1 else {
                throw TemplateError(.type, "update expected at most 1 argument, got \(arguments.positional.count)")
            }
            if let other = arguments.positional.first { try update(&members, from: other) }
            for (key, value) in arguments.keyword { members[.string(key)] = value }
            return TemplateValue.none
        case "copy":
            _ = try bound()
            return .dictionary(members)
        case "clear":
            _ = try bound()
            members.removeAll()
            return TemplateValue.none
        default:
            return nil
        }
    }

    /// Python's `dict.update(other)`: another dictionary's members, or the
    /// key/value pairs an iterable yields. `dict()` builds on it too.
    static func update(_ members: inout TemplateDictionary, from other: TemplateValue) throws {
        if case .dictionary(let source) = other {
            members.merge(source) { _, new in new }
            return
        }
        for (index, element) in try other.elements().enumerated() {
            guard let pair = try? element.elements() else {
                throw TemplateError(.type, "cannot convert dictionary update sequence element #\(index) to a sequence")
            }
            guard pair.count == 2 else {
                throw TemplateError(
                    .value, "dictionary update sequence element #\(index) has length \(pair.count); 2 is required"
                )
            }
            members[pair[0]] = pair[1]
        }
    }
}
