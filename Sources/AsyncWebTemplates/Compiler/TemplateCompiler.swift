/// Turns a parsed template into closures, once, resolving at compile time
/// everything that does not depend on the data: filters and tests by name,
/// whether prints escape, which blocks exist, which names a body reads.
///
/// ```swift
/// let template = try TemplateCompiler.compile(nodes, name: "page.html", environment: environment)
/// ```
struct TemplateCompiler {
    let environment: TemplateEnvironment
    let templateName: String?
    /// Whether prints escape at this point: the template's setting, changed
    /// inside `{% autoescape %}` blocks.
    var autoescape: Bool
    /// Assignments at the top level of a template are exported to its
    /// context (blocks and importers see them); deeper ones are local. The
    /// bodies of `if` are still top level (Jinja's `toplevel`).
    var isTopLevel = true
    /// The template's own top level, outside any `if` (Jinja's `rootlevel`):
    /// an `extends` here is known to run.
    var isRootLevel = true
    /// Inside an `if` or a conditional expression, where an unknown filter
    /// or test fails only when it is reached (Jinja's `soft_frame`).
    var isSoftFrame = false
    /// Whether output here must be dropped once an `extends` has run: true
    /// in templates that extend, except in macros, call and `set` bodies
    /// and blocks, which render wherever they are used.
    var requiresOutputCheck = false
    /// How many `extends` tags were compiled so far, and whether one of them
    /// is at the root level, after which the top level prints nothing.
    var extendsSoFar = 0
    var hasKnownExtends = false
    /// Set by an `extends` that always fails (a second one after a known
    /// one): the rest of its body is never reached, so it is not compiled.
    var bodyExited = false
    var blocks: [String: CompiledBlock] = [:]
    /// The names of the scope being compiled and of those around it.
    var symbols = TemplateSymbols(parent: nil)

    static func compile(
        _ nodes: [TemplateNode], name: String?, environment: TemplateEnvironment
    ) throws -> CompiledTemplate {
        let autoescape = environment.configuration.autoescape(name)
        var compiler = TemplateCompiler(environment: environment, templateName: name, autoescape: autoescape)
        let root = try compiler.compileRoot(nodes)
        return CompiledTemplate(name: name, autoescape: autoescape, root: root, blocks: compiler.blocks)
    }

    /// The top level: in a template that extends another, what it prints
    /// outside blocks is dropped once an `extends` has run.
    private mutating func compileRoot(_ nodes: [TemplateNode]) throws -> TemplateRenderer {
        requiresOutputCheck = nodes.contains(where: \.containsExtends)
        symbols = TemplateSymbols(analyzing: nodes, in: nil)
        return try compile(nodes)
    }

    /// A body of nodes as one renderer.
    mutating func compile(_ nodes: [TemplateNode]) throws -> TemplateRenderer {
        var parts: [RendererCell] = []
        for node in nodes {
            parts.append(RendererCell(run: try compile(node)))
            if bodyExited { break }
        }
        bodyExited = false
        guard !parts.isEmpty else { return { _, _ in } }
        return Self.sequence(parts[...])
    }

    /// Renderers run one after another, as a balanced tree of pairs:
    /// iterating an array of closures retains each one per call, while a
    /// closure calling the two it captured does not, and the tree keeps
    /// the call depth at log2 of the body's length.
    private static func sequence(_ parts: ArraySlice<RendererCell>) -> TemplateRenderer {
        guard parts.count > 1 else { return parts[parts.startIndex].run }
        let middle = parts.startIndex + parts.count / 2
        let first = sequence(parts[..<middle])
        let second = sequence(parts[middle...])
        return { output, frame in
            try first(&output, frame)
            try second(&output, frame)
        }
    }

    /// A body compiled below the top level (loops, macros, blocks, `with`):
    /// Jinja's inner frame, whose names are `scope`. `checksOutput` is false
    /// for bodies that render wherever they are used (macros, blocks, `set`
    /// and call bodies).
    mutating func compileNested(
        _ nodes: [TemplateNode], scope: TemplateSymbols, checksOutput: Bool = true
    ) throws -> TemplateRenderer {
        try inInnerFrame(scope: scope, checksOutput: checksOutput) { try $0.compile(nodes) }
    }

    /// A body that is a scope of its own inside the current one, owning
    /// what it sets (`else` of a loop, `set` and `filter` bodies, `autoescape`).
    mutating func compileNested(_ nodes: [TemplateNode], checksOutput: Bool = true) throws -> TemplateRenderer {
        try compileNested(nodes, scope: TemplateSymbols(analyzing: nodes, in: symbols), checksOutput: checksOutput)
    }

    /// Runs `body` with the compiler set up as for an inner frame whose
    /// names are `scope`, restoring it after.
    mutating func inInnerFrame<Result>(
        scope: TemplateSymbols, checksOutput: Bool = true, _ body: (inout TemplateCompiler) throws -> Result
    ) rethrows -> Result {
        let saved = (isTopLevel, isRootLevel, isSoftFrame, requiresOutputCheck, symbols)
        defer { (isTopLevel, isRootLevel, isSoftFrame, requiresOutputCheck, symbols) = saved }
        symbols = scope
        isTopLevel = false
        isRootLevel = false
        isSoftFrame = false
        requiresOutputCheck = requiresOutputCheck && checksOutput
        return try body(&self)
    }

    /// Runs `body` as in an `if`: still top level, no longer root level, soft.
    mutating func inSoftFrame<Result>(_ body: (inout TemplateCompiler) throws -> Result) rethrows -> Result {
        let saved = (isRootLevel, isSoftFrame)
        defer { (isRootLevel, isSoftFrame) = saved }
        isRootLevel = false
        isSoftFrame = true
        return try body(&self)
    }

    /// Output at the top level of a template that extends: dropped for good
    /// after a root-level `extends`, else printed only while none has run.
    private func checkingOutput(_ renderer: @escaping TemplateRenderer) -> TemplateRenderer {
        guard requiresOutputCheck else { return renderer }
        if hasKnownExtends { return { _, _ in } }
        return { output, frame in
            if frame.context.parentTemplate == nil { try renderer(&output, frame) }
        }
    }

    private mutating func compile(_ node: TemplateNode) throws -> TemplateRenderer {
        let renderer: TemplateRenderer
        switch node {
        case .text(let text, _):
            let utf8 = Array(text.utf8)
            return checkingOutput { output, _ in output.append(utf8) }
        case .print(let expression, let line):
            // After a known `extends` Jinja does not even compile it, so an unknown filter there is no error.
            if requiresOutputCheck, hasKnownExtends { return { _, _ in } }
            return checkingOutput(try compilePrint(expression, line: line))
        case .conditional(let branches, let otherwise, let line):
            renderer = try compileConditional(branches, otherwise: otherwise, line: line)
        case .loop(let loop, let line):
            renderer = try compileLoop(loop, line: line)
        case .assignment(let target, let value, let line):
            renderer = try compileAssignment(target, value: value, line: line)
        case .blockAssignment(let target, let filters, let body, let line):
            renderer = try compileBlockAssignment(target, filters: filters, body: body, line: line)
        case .with(let bindings, let body, let line):
            renderer = try compileWith(bindings, body: body, line: line)
        case .block(let block, let line):
            renderer = try compileBlock(block, line: line)
        case .extends(let template, let line):
            renderer = try compileExtends(template, line: line)
        case .include(let template, let ignoreMissing, let withContext, let line):
            renderer = try compileInclude(template, ignoreMissing: ignoreMissing, withContext: withContext, line: line)
        case .importModule(let template, let alias, let withContext, let line):
            renderer = try compileImport(template, alias: alias, withContext: withContext, line: line)
        case .importNames(let template, let names, let withContext, let line):
            renderer = try compileFromImport(template, names: names, withContext: withContext, line: line)
        case .macro(let macro, let line):
            renderer = try compileMacroDefinition(macro, line: line)
        case .callBlock(let parameters, let call, let body, let line):
            renderer = try compileCallBlock(parameters: parameters, call: call, body: body, line: line)
        case .filterBlock(let filters, let body, let line):
            renderer = try compileFilterBlock(filters, body: body, line: line)
        case .autoescape(let enabled, let body, let line):
            return try compileAutoescape(enabled, body: body, line: line)
        }
        return located(renderer, line: node.line)
    }

    /// Runtime errors from `renderer` carry this template's name and `line`.
    func located(_ renderer: @escaping TemplateRenderer, line: Int) -> TemplateRenderer {
        let templateName = templateName
        return { output, frame in
            do {
                try renderer(&output, frame)
            } catch let error as TemplateError {
                throw error.located(in: templateName, line: line)
            }
        }
    }

    /// A compile-time error at `line` of this template.
    func failure(_ kind: TemplateError.Kind, _ message: String, line: Int) -> TemplateError {
        TemplateError(kind, message, templateName: templateName, line: line)
    }

    private mutating func compilePrint(_ expression: TemplateExpression, line: Int) throws -> TemplateRenderer {
        let templateName = templateName
        if case .string(let text) = expression {
            let printed = Array((autoescape ? escape(text).html : text).utf8)
            return { output, _ in output.append(printed) }
        }
        if case .call(let callee, let arguments) = expression, let target = try directCallTarget(callee, line: line) {
            return try compilePrintedCall(target: target, arguments: arguments, expression: expression, line: line)
        }
        if case .attribute(.name(let base), let attribute) = expression, autoescape, !symbols.startsMissing(base) {
            // `{{ row.name }}`, the commonest print of all, in one closure.
            let base = TemplateName(base)
            let attribute = TemplateAttributeName(attribute)
            return { output, frame in
                do {
                    try output.appendEscaped(try frame.state.attribute(of: frame.resolve(base), attribute))
                } catch let error as TemplateError {
                    throw error.located(in: templateName, line: line)
                }
            }
        }
        let value = try compile(expression, line: line)
        if autoescape {
            return { output, frame in
                do {
                    try output.appendEscaped(try value(frame))
                } catch let error as TemplateError {
                    throw error.located(in: templateName, line: line)
                }
            }
        }
        return { output, frame in
            do {
                try output.appendText(try value(frame))
            } catch let error as TemplateError {
                throw error.located(in: templateName, line: line)
            }
        }
    }

    private mutating func compileConditional(
        _ branches: [TemplateConditionalBranch], otherwise: [TemplateNode], line: Int
    ) throws -> TemplateRenderer {
        let (compiled, otherwise) = try inSoftFrame { compiler in
            (try branches.map { branch in
                (condition: EvaluatorCell(evaluate: try compiler.compile(branch.condition, line: line)),
                 body: RendererCell(run: try compiler.compile(branch.body)))
            }, try compiler.compile(otherwise))
        }
        if compiled.count == 1 {
            let (condition, body) = (compiled[0].condition.evaluate, compiled[0].body.run)
            return { output, frame in
                if try condition(frame).truth() { try body(&output, frame) } else { try otherwise(&output, frame) }
            }
        }
        return { output, frame in
            for branch in compiled where try branch.condition.evaluate(frame).truth() {
                return try branch.body.run(&output, frame)
            }
            try otherwise(&output, frame)
        }
    }

    private mutating func compileAutoescape(
        _ enabled: TemplateExpression, body: [TemplateNode], line: Int
    ) throws -> TemplateRenderer {
        guard case .boolean(let flag) = enabled else {
            throw failure(.assertion, "autoescape takes a constant true or false here", line: line)
        }
        let outer = autoescape
        autoescape = flag
        defer { autoescape = outer }
        // Like Jinja's scoped eval-context modifier, the block is a scope of its own.
        let body = try compileNested(body)
        return located({ output, frame in try body(&output, TemplateFrame(parent: frame)) }, line: line)
    }

    /// `{{ macro(…) }}` writes the macro's output straight into the page:
    /// printed, its result (Markup when escaping, text when not) would be
    /// copied as it is anyway. Other callees print their value as usual.
    private func compilePrintedCall(
        target: @escaping @Sendable (TemplateFrame) throws -> TemplateValue?, arguments: TemplateArguments,
        expression: TemplateExpression, line: Int
    ) throws -> TemplateRenderer {
        let single = arguments.positional.count == 1 && arguments.keyword.isEmpty && arguments.variadic == nil
            && arguments.variadicKeywords == nil ? try compile(arguments.positional[0], line: line) : nil
        let arguments = try compileArguments(arguments, line: line)
        let general = try compile(expression, line: line)
        let autoescape = autoescape
        let templateName = templateName
        return { output, frame in
            do {
                if case .callable(let callable) = try target(frame) {
                    if let single, let render = callable.renderWithOneArgument {
                        let argument = try single(frame)
                        frame.state.autoescape = autoescape
                        return try render(argument, frame.state, &output)
                    }
                    if let render = callable.render {
                        let values = try arguments(frame)
                        frame.state.autoescape = autoescape
                        return try render(values, frame.state, &output)
                    }
                }
                let value = try general(frame)
                if autoescape { try output.appendEscaped(value) } else { try output.appendText(value) }
            } catch let error as TemplateError {
                throw error.located(in: templateName, line: line)
            }
        }
    }

    /// The callee of a printed call when reading it has no side effects
    /// and it may be a macro (`name`, or `module.name` for an imported
    /// template), so it can be looked at before the call.
    private func directCallTarget(
        _ callee: TemplateExpression, line: Int
    ) throws -> (@Sendable (TemplateFrame) throws -> TemplateValue?)? {
        switch callee {
        case .name(let text):
            let name = TemplateName(text)
            if symbols.startsMissing(text) { return { frame in frame.resolveLocal(name) } }
            return { frame in frame.resolve(name) }
        case .attribute(.name(let text), let attribute):
            let name = TemplateName(text)
            let attribute = TemplateName(attribute)
            let startsMissing = symbols.startsMissing(text)
            return { frame in
                let base = startsMissing ? frame.resolveLocal(name) : frame.resolve(name)
                guard case .object(let object) = base, let module = object as? TemplateModule else {
                    return nil
                }
                return module.export(attribute)
            }
        default:
            return nil
        }
    }
}
