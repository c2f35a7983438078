internal import Synchronization

/// What `namespace(…)` returns: Jinja's `Namespace`, the one object whose
/// attributes `{% set ns.name = value %}` may change, which is how a loop
/// carries a value out of its scope.
///
/// ```jinja
/// {% set ns = namespace(found=false) %}
/// {% for item in items %}{% if item.ok %}{% set ns.found = true %}{% endif %}{% endfor %}
/// ```
final class TemplateNamespace: TemplateObject {
    /// A template value lives inside one render, but a render may hand it to tasks of its own, hence the lock.
    private let members: Mutex<TemplateDictionary>

    init(_ members: TemplateDictionary = [:]) {
        self.members = Mutex(members)
    }

    /// The value of `ns.name`; nil (so an undefined value) for a name never set.
    func attribute(_ name: String) -> TemplateValue? {
        members.withLock { $0[.string(name)] }
    }

    /// `{% set ns.name = value %}`. The value may hold this namespace (`{% set ns.me = ns %}`),
    /// a cycle that reference counting never frees: the render empties the namespace when it ends.
    func setAttribute(_ name: String, _ value: TemplateValue, during state: TemplateRenderState) {
        state.changedNamespaces[ObjectIdentifier(self)] = self
        members.withLock { $0[.string(name)] = value }
    }

    /// Lets go of every member; see ``TemplateRenderState/finish()``.
    func clear() {
        members.withLock { $0.removeAll() }
    }

    var typeDescription: String { "Namespace object" }

    /// The namespaces whose text is being built on this task. A namespace that holds
    /// itself (`{% set ns.me = ns %}`) prints as `<Namespace {...}>` the second time, as
    /// Python's recursion guard for reprs has it, instead of recursing until the stack
    /// runs out.
    @TaskLocal private static var beingPrinted: Set<ObjectIdentifier> = []

    var printed: String {
        let identity = ObjectIdentifier(self)
        guard !Self.beingPrinted.contains(identity) else { return "<Namespace {...}>" }
        return Self.$beingPrinted.withValue(Self.beingPrinted.union([identity])) {
            "<Namespace \(TemplateValue.dictionary(members.withLock { $0 }).repr)>"
        }
    }
}
