internal import Synchronization

/// What `cycler(…)` returns: Jinja's `Cycler`, which hands out its items in
/// turn across loops.
///
/// ```jinja
/// {% set row = cycler("odd", "even") %}
/// {% for user in users %}<tr class="{{ row.next() }}">…{% endfor %}
/// ```
final class TemplateCycler: TemplateObject {
    let items: [TemplateValue]
    /// A template value lives inside one render, but a render may hand it to tasks of its own, hence the lock.
    private let position = Mutex(0)

    convenience init(arguments: TemplateCallArguments) throws {
        if let keyword = arguments.keyword.first {
            throw TemplateError(.type, "Cycler.__init__() got an unexpected keyword argument '\(keyword.name)'")
        }
        self.init(items: arguments.positional)
        guard !items.isEmpty else { throw TemplateError(.runtime, "at least one item has to be provided") }
    }

    init(items: [TemplateValue]) {
        self.items = items
    }

    /// The item `next()` returns next.
    var current: TemplateValue {
        items[position.withLock { $0 }]
    }

    /// Returns the current item and moves on, starting over after the last.
    func next() -> TemplateValue {
        position.withLock { position in
            defer { position = (position + 1) % items.count }
            return items[position]
        }
    }

    func reset() {
        position.withLock { $0 = 0 }
    }

    func attribute(_ name: String) -> TemplateValue? {
        switch name {
        case "current": current
        case "items": .tuple(items)
        case "pos": .int(position.withLock { $0 })
        case "next": .callable(TemplateCallable(name: "next") { [self] arguments in
            _ = try arguments.bind("Cycler.next", [])
            return next()
        })
        case "reset": .callable(TemplateCallable(name: "reset") { [self] arguments in
            _ = try arguments.bind("Cycler.reset", [])
            reset()
            return .none
        })
        default: nil
        }
    }

    var typeDescription: String { "Cycler object" }

    var printed: String { "<jinja2.utils.Cycler object>" }
}
