internal import AsyncWebEncoding

/// One template's render: Jinja's `Context`. It holds the variables the
/// render was given plus those the template sets at its top level (its
/// exports), and the blocks of its inheritance chain.
// Like a frame, a context never leaves the render that made it.
final class TemplateRenderContext: @unchecked Sendable {
    let state: TemplateRenderState
    let template: CompiledTemplate
    @exclusivity(unchecked) private(set) var variables: [String: TemplateValue]
    /// Top-level names the template set or defined, in order: what
    /// `import` makes available.
    private(set) var exportedNames: [String] = []
    /// For each block name, its definitions from the most derived template
    /// to the base; `super()` walks down this list.
    var blocks: [String: [CompiledBlock]]
    /// Set by `{% extends %}`: the template whose top level renders the page.
    var parentTemplate: CompiledTemplate?
    /// Scopes given back by finished loops and macro calls, for the next ones.
    @exclusivity(unchecked) var spareFrames: [TemplateFrame] = []
    /// Variables and globals already looked up, by interned name: a name
    /// read in a loop (a macro module, the list being looped over) is
    /// hashed once per render instead of once per read.
    @exclusivity(unchecked) private var found: [TemplateValue?] = []

    init(state: TemplateRenderState, template: CompiledTemplate, variables: [String: TemplateValue]) {
        self.state = state
        self.template = template
        self.variables = variables
        self.blocks = template.blocks.mapValues { [$0] }
        state.contexts.append(self)
    }

    /// See ``TemplateRenderState/finish()``.
    func clear() {
        variables = [:]
        blocks = [:]
        spareFrames = []
        found = []
        parentTemplate = nil
    }

    /// A context variable, Jinja's `self`, or a global, remembered for the next read.
    func lookup(_ name: TemplateName) -> TemplateValue? {
        if name.id < found.count, let value = found[name.id] { return value }
        guard let value = lookup(name.text) else { return nil }
        if name.text != "self" {
            if name.id >= found.count { found.append(contentsOf: repeatElement(nil, count: name.id + 1 - found.count)) }
            found[name.id] = value
        }
        return value
    }

    /// A context variable, Jinja's `self`, or a global.
    func lookup(_ name: String) -> TemplateValue? {
        if let value = variables[name] { return value }
        if name == "self" { return .object(TemplateSelfReference(context: self)) }
        return state.environment.globals[name]
    }

    /// Records a top-level assignment, which blocks see, and importers too
    /// unless the name starts with an underscore (Jinja's private names).
    func export(_ name: String, _ value: TemplateValue) {
        variables[name] = value
        forgetLookups()
        if !name.hasPrefix("_"), !exportedNames.contains(name) { exportedNames.append(name) }
    }

    func update(_ name: String, _ value: TemplateValue) {
        if variables[name] != nil {
            variables[name] = value
            forgetLookups()
        }
    }

    /// Drops what ``lookup(_:)`` remembered, after a variable changed (rare:
    /// top-level assignments, which happen a few times a render).
    private func forgetLookups() {
        if !found.isEmpty { found = [] }
    }

    /// The exported values, for `import`.
    var exports: [(name: String, value: TemplateValue)] {
        exportedNames.compactMap { name in variables[name].map { (name, $0) } }
    }
}

/// Jinja's `self`: `{{ self.title() }}` renders the block `title` again.
final class TemplateSelfReference: TemplateObject, @unchecked Sendable {
    // A render context lives within one render on one task; the reference never leaves it.
    private let context: TemplateRenderContext

    init(context: TemplateRenderContext) {
        self.context = context
    }

    func attribute(_ name: String) -> TemplateValue? {
        guard context.blocks[name] != nil else { return nil }
        let context = self.context
        return .callable(TemplateCallable(name: name, withState: { _, _ in
            try context.renderBlock(name, depth: 0, from: nil)
        }))
    }

    var typeDescription: String { "TemplateReference object" }
    var printed: String { "<TemplateReference \(PythonText.repr(context.template.name ?? "None"))>" }
}
