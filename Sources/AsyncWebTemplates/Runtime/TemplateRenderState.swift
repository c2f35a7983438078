/// The render in progress, shared by every template, macro and filter it
/// reaches: the environment's filters and tests, whether output is being
/// escaped right now, and Jinja's rules for reading attributes and items.
// One render state per render, used by one task; closures compiled into a
// template receive it as an argument and never keep it past the render.
final class TemplateRenderState: @unchecked Sendable {
    let environment: TemplateEnvironment
    /// On inside templates whose name selects autoescaping and inside
    /// `{% autoescape true %}`; filters such as `join` and `format` follow it.
    // Set before every filter and call; confined to the render's task like the rest.
    @exclusivity(unchecked) var autoescape: Bool
    /// Templates imported without context during this render, by name:
    /// Jinja renders such a module once and reuses it.
    var importedModules: [String: TemplateValue] = [:]
    /// The scopes macros were defined in and every context of the render,
    /// cleared by ``finish()``.
    @exclusivity(unchecked) var scopes: [TemplateFrame] = []
    @exclusivity(unchecked) var contexts: [TemplateRenderContext] = []
    /// The namespaces `{% set ns.name = … %}` changed during the render, cleared by ``finish()``.
    @exclusivity(unchecked) var changedNamespaces: [ObjectIdentifier: TemplateNamespace] = [:]
    /// How many macro calls, includes, blocks and recursive loops are running
    /// inside one another; see ``nested(_:)``.
    @exclusivity(unchecked) var callDepth = 0

    init(environment: TemplateEnvironment, autoescape: Bool) {
        self.environment = environment
        self.autoescape = autoescape
    }

    /// Ends the render: macros hold the scopes they were defined in, and
    /// scopes and contexts hold macros, so the render's objects form cycles
    /// that only clearing them breaks; so may namespaces, set to hold themselves.
    func finish() {
        for scope in scopes { scope.clear() }
        for context in contexts { context.clear() }
        for namespace in changedNamespaces.values { namespace.clear() }
        scopes = []
        contexts = []
        changedNamespaces = [:]
        importedModules = [:]
    }

    /// An undefined value of the environment's kind (plain or strict).
    func undefined(_ origin: TemplateUndefined.Origin) -> TemplateValue {
        .undefined(TemplateUndefined(origin, isStrict: environment.strictUndefined))
    }

    /// `value.name` as Jinja reads it: the attribute (or method) first, then
    /// the item of that name, else an undefined value that remembers both.
    func attribute(of value: TemplateValue, _ name: String) throws -> TemplateValue {
        try attribute(of: value, TemplateAttributeName(name, mayBeMethod: true))
    }

    /// `value.name` for a name prepared at compile time.
    func attribute(of value: TemplateValue, _ name: TemplateAttributeName) throws -> TemplateValue {
        switch value {
        case .undefined(let undefined): throw undefined.error
        case .object(let object):
            if let found = object.attribute(name.text) { return found }
        case .dictionary(let members):
            if name.mayBeMethod, TemplateMethods.exists(name.text, on: value) { return boundMethod(name.text, of: value) }
            if let found = Self.member(of: members, named: name.text) ?? members[name.key] { return found }
        case .callable(let callable):
            if let found = callable.attributes[name.text] { return found }
        default:
            if name.mayBeMethod, TemplateMethods.exists(name.text, on: value) { return boundMethod(name.text, of: value) }
        }
        return undefined(.attribute(owner: value.ownerDescription, name: name.text))
    }

    /// The value under the string key `name`, found by comparing strings
    /// directly (lengths first, which rules most keys out at once): rows from
    /// JSON or `Encodable` have a handful of string keys, and this skips both
    /// hashing and comparing through `TemplateValue`.
    private static func member(of members: TemplateDictionary, named name: String) -> TemplateValue? {
        let keys = members.keys.elements
        let length = name.utf8.count
        for index in keys.indices {
            if case .string(let key) = keys[index], key.utf8.count == length, key == name { return members.values[index] }
        }
        return nil
    }

    /// `value[key]` as Jinja reads it: the item first, then, for a string
    /// key, the attribute of that name.
    func item(of value: TemplateValue, _ key: TemplateValue) throws -> TemplateValue {
        switch (value, key) {
        case (.undefined(let undefined), _): throw undefined.error
        case (.dictionary(let members), _):
            if case .string(let name) = key, let found = Self.member(of: members, named: name) { return found }
            if let found = members[key] { return found }
        case (.list(let elements), _), (.tuple(let elements), _):
            if let index = key.integerValue {
                let position = index < 0 ? elements.count + index : index
                if elements.indices.contains(position) { return elements[position] }
                return undefined(.element(owner: value.ownerDescription, key: key.repr))
            }
        case (.string(let text), _):
            if let index = key.integerValue {
                let scalars = Array(text.unicodeScalars)
                let position = index < 0 ? scalars.count + index : index
                if scalars.indices.contains(position) { return .string(String(scalars[position])) }
                return undefined(.element(owner: value.ownerDescription, key: key.repr))
            }
        case (.object(let object), _):
            if let found = object.item(key) { return found }
        default: break
        }
        if case .string(let name) = key { return try attribute(of: value, name) }
        return undefined(.element(owner: value.ownerDescription, key: key.repr))
    }

    /// `callee(arguments)`: a callable, or Python's `TypeError` for anything else.
    func call(_ callee: TemplateValue, _ arguments: TemplateCallArguments) throws -> TemplateValue {
        switch callee {
        case .callable(let callable): return try callable.call(arguments, state: self)
        case .object(let object as any TemplateCallableObject): return try object.call(arguments, state: self)
        case .undefined(let undefined): throw undefined.error
        default: throw TemplateError(.type, "'\(callee.typeName)' object is not callable")
        }
    }

    /// `value|name(arguments)`.
    func applyFilter(_ name: String, to value: TemplateValue, _ arguments: TemplateCallArguments) throws -> TemplateValue {
        guard let filter = environment.filters[name] else { throw TemplateError(.assertion, "No filter named '\(name)'.") }
        return try filter(value, arguments, self)
    }

    /// How `{{ value }}` prints: escaped unless autoescaping is off or the value is ``Markup``.
    func printed(_ value: TemplateValue) throws -> String {
        switch value {
        case .string(let text): return autoescape ? escape(text).html : text
        case .markup(let markup): return markup.html
        default:
            let text = try value.text()
            return autoescape ? escape(text).html : text
        }
    }

    /// The receiver's method as a value, for `{{ text.upper }}` or passing it on.
    private func boundMethod(_ name: String, of receiver: TemplateValue) -> TemplateValue {
        .callable(TemplateCallable(name: name, withState: { arguments, state in
            var copy = receiver
            return try TemplateMethods.call(name, on: &copy, arguments, state: state) ?? .none
        }))
    }
}

/// A filter as the engine calls it: the value, the arguments, the render.
typealias TemplateFilterFunction = @Sendable (TemplateValue, TemplateCallArguments, TemplateRenderState) throws -> TemplateValue

/// A test as the engine calls it.
typealias TemplateTestFunction = @Sendable (TemplateValue, TemplateCallArguments, TemplateRenderState) throws -> Bool

/// An attribute name as the compiler prepares it: the dictionary key made
/// once, and whether it names a method of any type at all.
struct TemplateAttributeName: Sendable {
    let text: String
    let key: TemplateValue
    let mayBeMethod: Bool

    /// A name from the template; `mayBeMethod` defaults to checking every type's methods.
    init(_ text: String, mayBeMethod: Bool? = nil) {
        self.text = text
        key = .string(text)
        self.mayBeMethod = mayBeMethod ?? TemplateMethods.isMethodName(text)
    }
}
