/// Renders a piece of a template into the output: the compiled form of a node.
typealias TemplateRenderer = @Sendable (inout TemplateOutput, TemplateFrame) throws -> Void

/// Computes an expression's value in a scope: the compiled form of an expression.
typealias TemplateEvaluator = @Sendable (TemplateFrame) throws -> TemplateValue

/// Compiled pieces kept in arrays are wrapped in these: an array of bare
/// closures stores them in their most general form and calls each through
/// a reabstraction thunk, a struct field keeps the closure as it is.
struct RendererCell: Sendable {
    let run: TemplateRenderer
}

/// See ``RendererCell``.
struct EvaluatorCell: Sendable {
    let evaluate: TemplateEvaluator
}

/// A parsed and compiled template, ready to render any number of times,
/// concurrently: compiling turned every node into a closure, so rendering
/// never looks at the syntax tree again.
final class CompiledTemplate: Sendable {
    /// The name it was loaded by, nil for templates made from strings.
    let name: String?
    /// Whether its prints escape (decided by its name when it was compiled).
    let autoescape: Bool
    /// The top level of the template.
    let root: TemplateRenderer
    let blocks: [String: CompiledBlock]

    init(name: String?, autoescape: Bool, root: @escaping TemplateRenderer, blocks: [String: CompiledBlock]) {
        self.name = name
        self.autoescape = autoescape
        self.root = root
        self.blocks = blocks
    }

    /// Renders the template with `variables` into `output`, following
    /// `{% extends %}` up to the base template.
    func render(_ variables: [String: TemplateValue], state: TemplateRenderState, into output: inout TemplateOutput) throws {
        let context = TemplateRenderContext(state: state, template: self, variables: variables)
        try render(context, into: &output)
    }

    /// Renders in an existing context, for imports, which need its exports afterwards.
    func render(_ context: TemplateRenderContext, into output: inout TemplateOutput) throws {
        // A template that includes itself nests like a recursive macro.
        try context.state.nested {
            try root(&output, TemplateFrame(context: context))
            while let parent = context.parentTemplate {
                context.parentTemplate = nil
                try parent.root(&output, TemplateFrame(context: context))
            }
        }
    }
}

/// A `{% block %}`'s compiled body and how it is entered.
struct CompiledBlock: Sendable {
    let name: String
    /// Whether the body calls `super()`, so the callable is only made when needed.
    let referencesSuper: Bool
    let body: TemplateRenderer
}

extension TemplateRenderContext {
    /// Renders the `depth`th definition of block `name` (0 is the most
    /// derived). `caller` is the scope of a `scoped` block statement, whose
    /// variables every version of the block sees; nil for other blocks.
    func renderBlock(_ name: String, depth: Int, from caller: TemplateFrame?, into output: inout TemplateOutput) throws {
        guard let chain = blocks[name], depth < chain.count else { return }
        let block = chain[depth]
        let frame = TemplateFrame(blockIn: caller, context: self)
        if block.referencesSuper {
            frame.define(.superBlock, superBlock(of: name, depth: depth, caller: caller))
        }
        try state.nested { try block.body(&output, frame) }
    }

    /// A block rendered as a value, for `self.name()` and `super()`:
    /// Markup when the caller escapes, as Jinja returns it.
    func renderBlock(_ name: String, depth: Int, from caller: TemplateFrame?) throws -> TemplateValue {
        let callerEscapes = state.autoescape
        var output = TemplateOutput()
        try renderBlock(name, depth: depth, from: caller, into: &output)
        return callerEscapes ? .markup(Markup(output.text)) : .string(output.text)
    }

    private func superBlock(of name: String, depth: Int, caller: TemplateFrame?) -> TemplateValue {
        guard let chain = blocks[name], depth + 1 < chain.count else {
            return state.undefined(.hint("there is no parent block called '\(name)'."))
        }
        return .callable(TemplateCallable(name: "super", withState: { [self] _, _ in
            try renderBlock(name, depth: depth + 1, from: caller)
        }))
    }
}
