/// `{% extends %}` and `{% block %}`: blocks are registered at compile time
/// and rendered through the context, which knows every template's version
/// of a block from the most derived down.
extension TemplateCompiler {
    mutating func compileBlock(_ block: TemplateBlock, line: Int) throws -> TemplateRenderer {
        guard blocks[block.name] == nil else {
            throw failure(.assertion, "block '\(block.name)' defined twice", line: line)
        }
        // Reserve the name first so a nested block of the same name is caught.
        blocks[block.name] = CompiledBlock(
            name: block.name, isRequired: false, referencesSuper: false, body: { _, _ in }
        )
        let body = try compileNested(block.body)
        blocks[block.name] = CompiledBlock(
            name: block.name, isRequired: block.isRequired,
            referencesSuper: TemplateNameReferences(block.body).contains("super"), body: body
        )
        let name = block.name
        if block.isScoped {
            return { output, frame in try frame.context.renderBlock(name, depth: 0, from: frame, into: &output) }
        }
        return { output, frame in try frame.context.renderBlock(name, depth: 0, from: nil, into: &output) }
    }

    mutating func compileExtends(_ template: TemplateExpression, line: Int) throws -> TemplateRenderer {
        let name = try compile(template, line: line)
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
