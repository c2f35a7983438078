internal import Synchronization

/// Jinja's builtin globals: `range`, `dict`, `lipsum`, `cycler`, `joiner`
/// and `namespace`, which every template sees unless the context or the
/// environment's globals use the same name.
enum TemplateGlobals {
    static let builtins: [String: TemplateValue] = [
        "range": .callable(TemplateCallable(name: "range") { .object(try TemplateRange(arguments: $0)) }),
        "dict": .callable(TemplateCallable(name: "dict") { .dictionary(try dictionary($0, function: "dict")) }),
        "lipsum": .callable(TemplateCallable(name: "lipsum", TemplateLoremIpsum.generate)),
        "cycler": .callable(TemplateCallable(name: "cycler") { .object(try TemplateCycler(arguments: $0)) }),
        "joiner": .callable(TemplateCallable(name: "joiner", joiner)),
        "namespace": .callable(TemplateCallable(name: "namespace") {
            .object(TemplateNamespace(try dictionary($0, function: "dict")))
        }),
    ]

    /// Python's `dict(mapping_or_pairs, **keywords)`.
    static func dictionary(_ arguments: TemplateCallArguments, function: String) throws -> TemplateDictionary {
        guard arguments.positional.count <= 1 else {
            throw TemplateError(.type, "\(function) expected at most 1 argument, got \(arguments.positional.count)")
        }
        var members = TemplateDictionary()
        if let source = arguments.positional.first { try TemplateMethods.update(&members, from: source) }
        for (name, value) in arguments.keyword { members[.string(name)] = value }
        return members
    }

    /// `joiner(sep=', ')`: a function that returns nothing the first time
    /// it is called and the separator (unescaped, as Jinja returns it) after.
    private static func joiner(_ arguments: TemplateCallArguments) throws -> TemplateValue {
        let separator = try arguments.bind("Joiner.__init__", ["sep"])[0] ?? ", "
        let used = UsedFlag()
        return .callable(TemplateCallable(name: "joiner") { arguments in
            _ = try arguments.bind("Joiner.__call__", [])
            return used.set() ? separator : ""
        })
    }

    /// Whether a joiner has been called; a template value lives inside one
    /// render, but a render may hand it to tasks of its own, hence the lock.
    private final class UsedFlag: Sendable {
        private let isSet = Mutex(false)

        /// Sets the flag, returning whether it was set before.
        func set() -> Bool {
            isSet.withLock { isSet in
                defer { isSet = true }
                return isSet
            }
        }
    }
}
