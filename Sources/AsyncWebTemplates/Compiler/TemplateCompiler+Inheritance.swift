/// `{% extends %}` and `{% block %}`: blocks are registered at compile time
/// and rendered through the context, which knows every template's version
/// of a block from the most derived down.
extension TemplateCompiler {
    mutating func compileBlock(_ block: TemplateBlock, line: Int) throws -> TemplateRenderer {
        guard blocks[block.name] == nil else {
            throw failure(.assertion, "block '\(block.name)' defined twice", line: line)
        }
        // Reserve the name first so a nested block of the same name is caught.
        blocks[block.name] = CompiledBlock(name: block.name, referencesSuper: false, body: { _, _ in })
        // A block is a template of its own to Jinja: it reads the context, not the locals around it.
        let body = try compileNested(block.body, scope: TemplateSymbols(analyzing: block.body, in: nil), checksOutput: false)
        blocks[block.name] = CompiledBlock(
            name: block.name, referencesSuper: TemplateNameReferences(block.body).contains("super"), body: body
        )
        let name = block.name
        let isScoped = block.isScoped
        // Jinja checks a required block where it is rendered as a statement:
        // some template below must define it too (`self.name()` and `super()` do not check).
        let render: TemplateRenderer = if block.isRequired {
            { output, frame in
                guard frame.context.blocks[name, default: []].count > 1 else {
                    throw TemplateError(.runtime, "Required block '\(name)' not found")
                }
                try frame.context.renderBlock(name, depth: 0, from: isScoped ? frame : nil, into: &output)
            }
        } else if block.isScoped {
            { output, frame in try frame.context.renderBlock(name, depth: 0, from: frame, into: &output) }
        } else {
            { output, frame in try frame.context.renderBlock(name, depth: 0, from: nil, into: &output) }
        }
        // A block at the top level prints only while no `extends` has run;
        // deeper ones (in a loop, say) print wherever they are, as in Jinja.
        guard isTopLevel, extendsSoFar > 0 else { return render }
        if hasKnownExtends { return { _, _ in } }
        return { output, frame in
            if frame.context.parentTemplate == nil { try render(&output, frame) }
        }
    }

    /// `{% extends %}`, allowed at the top level and in `if` bodies there.
    /// One at the root level always runs, so whatever the top level prints
    /// after it is dropped when compiling; one in an `if` is checked when rendering.
    mutating func compileExtends(_ template: TemplateExpression, line: Int) throws -> TemplateRenderer {
        guard isTopLevel else { throw failure(.assertion, "cannot use extend from a non top-level scope", line: line) }
        if extendsSoFar > 0, hasKnownExtends {
            bodyExited = true
            return { _, _ in throw TemplateError(.runtime, "extended multiple times") }
        }
        let name = try compile(template, line: line)
        if isRootLevel { hasKnownExtends = true }
        extendsSoFar += 1
        return { _, frame in
            let context = frame.context
            guard context.parentTemplate == nil else { throw TemplateError(.runtime, "extended multiple times") }
            let parent = try context.state.environment.firstTemplate(of: try name(frame))
            context.parentTemplate = parent
            for (blockName, block) in parent.blocks {
                context.blocks[blockName, default: []].append(block)
            }
        }
    }
}

extension TemplateNode {
    /// Whether an `extends` tag is anywhere inside, which makes the
    /// template's top-level output depend on whether one has run.
    var containsExtends: Bool {
        switch self {
        case .extends: true
        case .text, .print, .assignment, .include, .importModule, .importNames: false
        case .conditional(let branches, let otherwise, _):
            branches.contains { $0.body.contains(where: \.containsExtends) } || otherwise.contains(where: \.containsExtends)
        case .loop(let loop, _): (loop.body + loop.otherwise).contains(where: \.containsExtends)
        case .block(let block, _): block.body.contains(where: \.containsExtends)
        case .macro(let macro, _): macro.body.contains(where: \.containsExtends)
        case .blockAssignment(_, _, let body, _), .with(_, let body, _), .callBlock(_, _, let body, _),
             .filterBlock(_, let body, _), .autoescape(_, let body, _):
            body.contains(where: \.containsExtends)
        }
    }
}
