/// The names one scope of a template owns, worked out before its body is
/// compiled, as Jinja's compiler does (`idtracking.Symbols`).
///
/// Jinja compiles a scope's names to Python locals: a name the scope sets
/// anywhere (`set`, `macro`, `import`, a `for` target) is its local from the
/// scope's first line, not only once the `set` has run. A loop or macro
/// nested before the `set` therefore reads the local, still missing, and gets
/// undefined, where a plain lookup would fall through to the render's
/// variables. The compiler asks ``startsMissing(_:)`` for every name it
/// compiles a read of, so deciding this costs nothing while rendering.
///
/// ```swift
/// let root = TemplateSymbols(analyzing: nodes, in: nil)
/// let loopScope = TemplateSymbols(parent: root)
/// ```
final class TemplateSymbols {
    /// What a scope's own copy of a name holds when the scope starts
    /// (Jinja's load instructions).
    enum Start {
        /// Bound before the body runs: a parameter, a loop target, `loop`.
        case parameter
        /// Read from the render's variables (the name was read before the
        /// scope set it, or is set only in some branches of an `if`).
        case resolved
        /// The enclosing scope's copy of the same name.
        case aliased
        /// Nothing: undefined until the scope sets it.
        case missing
    }

    let parent: TemplateSymbols?
    private var starts: [String: Start] = [:]
    /// Names the scope sets or declares, to tell which an `if` branch added.
    private var stores: Set<String> = []

    init(parent: TemplateSymbols?) {
        self.parent = parent
    }

    /// A scope's symbols after reading `nodes` as its body.
    convenience init(analyzing nodes: [TemplateNode], in parent: TemplateSymbols?) {
        self.init(parent: parent)
        visit(nodes)
    }

    private func copy() -> TemplateSymbols {
        let copy = TemplateSymbols(parent: parent)
        copy.starts = starts
        copy.stores = stores
        return copy
    }

    /// Whether a read of `name` here, not found in any scope of the render,
    /// is undefined rather than looked up in the render's variables: the
    /// scope that owns the name starts it missing, directly or through the
    /// enclosing copies it aliases.
    func startsMissing(_ name: String) -> Bool {
        guard let owner = owner(of: name) else { return false }
        switch owner.starts[name]! {
        case .missing: return true
        case .aliased: return owner.parent?.startsMissing(name) ?? false
        case .parameter, .resolved: return false
        }
    }

    /// The innermost scope that has its own copy of `name` (Jinja's `find_ref`).
    private func owner(of name: String) -> TemplateSymbols? {
        var scope: TemplateSymbols? = self
        while let current = scope {
            if current.starts[name] != nil { return current }
            scope = current.parent
        }
        return nil
    }

    // MARK: - Jinja's symbol operations

    /// `name` is bound before the body runs (a macro parameter, `loop`).
    func declareParameter(_ name: String) {
        stores.insert(name)
        starts[name] = .parameter
    }

    /// The names a loop target binds, bound before the body runs.
    func declareParameters(in target: TemplateAssignmentTarget) {
        switch target {
        case .name(let name): declareParameter(name)
        case .tuple(let targets): targets.forEach(declareParameters)
        case .namespaceAttribute(let namespace, _): load(namespace)
        }
    }

    private func store(_ name: String) {
        stores.insert(name)
        guard starts[name] == nil else { return }
        starts[name] = parent?.owner(of: name) == nil ? .missing : .aliased
    }

    private func load(_ name: String) {
        if owner(of: name) == nil { starts[name] = .resolved }
    }

    /// Every name `expression` reads.
    func load(_ expression: TemplateExpression) {
        TemplateNameReferences(expression).names.forEach(load)
    }

    /// Every name the arguments of `filters` read.
    func load(_ filters: [TemplateFilterCall]) {
        for filter in filters { load(.filter(.none, filter)) }
    }

    /// The names `target` sets in this scope (a namespace attribute sets
    /// none: it reads the namespace).
    func store(_ target: TemplateAssignmentTarget) {
        switch target {
        case .name(let name): store(name)
        case .tuple(let targets): targets.forEach(store)
        case .namespaceAttribute(let namespace, _): load(namespace)
        }
    }

    /// What the branches of an `if` set merges into the scope: a name only
    /// some branch sets starts as the enclosing copy or the render's variable.
    private func merge(_ branches: [TemplateSymbols]) {
        var added = Set<String>()
        for branch in branches { added.formUnion(branch.stores) }
        added.subtract(stores)
        for branch in branches {
            starts.merge(branch.starts) { _, new in new }
            stores.formUnion(branch.stores)
        }
        for name in added {
            starts[name] = parent?.owner(of: name) == nil ? .resolved : .aliased
        }
    }

    // MARK: - A scope's body (Jinja's FrameSymbolVisitor)

    /// Reads `nodes` as part of this scope, stopping at the scopes nested in them.
    func visit(_ nodes: [TemplateNode]) {
        nodes.forEach(visit)
    }

    private func visit(_ node: TemplateNode) {
        switch node {
        case .text, .block, .autoescape: break
        case .print(let expression, _), .extends(let expression, _), .include(let expression, _, _, _):
            load(expression)
        case .conditional(let branches, let otherwise, _):
            visitConditional(branches[...], otherwise: otherwise)
        case .loop(let loop, _): load(loop.iterable)
        case .assignment(let target, let value, _):
            load(value)
            store(target)
        case .blockAssignment(let target, _, _, _): store(target)
        case .with(let bindings, _, _): bindings.forEach { load($0.value) }
        case .importModule(let template, let alias, _, _):
            load(template)
            store(alias)
        case .importNames(let template, let names, _, _):
            load(template)
            names.forEach { store($0.alias ?? $0.name) }
        case .macro(let macro, _): store(macro.name)
        case .callBlock(_, let call, _, _): load(call)
        case .filterBlock(let filters, _, _): load(filters)
        }
    }

    /// An `if` with its `elif`s, which Jinja parses as `if` nodes in the
    /// first one's `elif` list: each branch read in a copy of the scope, the
    /// copies merged back.
    private func visitConditional(_ branches: ArraySlice<TemplateConditionalBranch>, otherwise: [TemplateNode]) {
        guard let first = branches.first else { return }
        load(first.condition)
        let body = copy()
        body.visit(first.body)
        let elifs = copy()
        for branch in branches.dropFirst() { elifs.visitConditional([branch], otherwise: []) }
        let orElse = copy()
        orElse.visit(otherwise)
        merge([body, elifs, orElse])
    }
}
