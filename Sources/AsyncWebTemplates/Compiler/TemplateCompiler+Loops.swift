/// `{% for %}`: the body compiled once; a `loop` object only when the body
/// mentions `loop`.
extension TemplateCompiler {
    mutating func compileLoop(_ loop: TemplateLoop, line: Int) throws -> TemplateRenderer {
        if let line = loop.assignsLoopVariable(line: line) {
            throw failure(.assertion, "Can't assign to special loop variable in for-loop target", line: line)
        }
        let iterable = try compile(loop.iterable, line: line)
        let usesLoopObject = TemplateNameReferences(loop.body).contains("loop") || loop.isRecursive
        // Jinja gives the body and the `if` scopes of their own, both binding the target.
        let bodyScope = TemplateSymbols(parent: symbols)
        if usesLoopObject { bodyScope.declareParameter("loop") }
        bodyScope.declareParameters(in: loop.target)
        bodyScope.visit(loop.body)
        let filterScope = TemplateSymbols(parent: symbols)
        filterScope.declareParameters(in: loop.target)
        if let filter = loop.filter { filterScope.load(filter) }
        let compiled = CompiledLoop(
            bind: compileBinder(loop.target, exporting: false),
            filter: try inInnerFrame(scope: filterScope) { compiler in
                try loop.filter.map { try compiler.compile($0, line: line) }
            },
            body: try compileNested(loop.body, scope: bodyScope),
            otherwise: loop.otherwise.isEmpty ? nil : try compileNested(loop.otherwise),
            usesLoopObject: usesLoopObject,
            isRecursive: loop.isRecursive,
            autoescape: autoescape
        )
        return { output, frame in
            try compiled.run(over: try iterable(frame).elements(), depth: 1, in: frame, into: &output)
        }
    }
}

/// A compiled `for` loop, kept whole so a recursive loop can run itself again.
struct CompiledLoop: Sendable {
    let bind: TemplateCompiler.Binder
    /// The loop's `if`: items for which it is false are skipped before counting.
    let filter: TemplateEvaluator?
    let body: TemplateRenderer
    /// The `else` body, nil when there is none.
    let otherwise: TemplateRenderer?
    let usesLoopObject: Bool
    let isRecursive: Bool
    let autoescape: Bool

    func run(over items: [TemplateValue], depth: Int, in outer: TemplateFrame, into output: inout TemplateOutput) throws {
        guard !items.isEmpty || otherwise != nil else { return }
        var scope = TemplateFrame.scope(in: outer, capacity: 4)
        var items = items
        if let filter {
            items = try items.filter { item in
                try bind(scope, item)
                return try filter(scope).truth()
            }
        }
        guard !items.isEmpty else {
            try otherwise?(&output, TemplateFrame(parent: outer))
            return
        }
        var loopState: TemplateLoopState?
        if usesLoopObject {
            let state = TemplateLoopState(
                items: items, depth: depth, recursion: isRecursive ? recursion(depth: depth, outer: outer) : nil,
                undefinedIsStrict: outer.state.environment.strictUndefined
            )
            scope.define(.loop, .object(state))
            loopState = state
        }
        // What an iteration sets is its own (Jinja's loop frame starts afresh
        // each time), so the scope goes back to `loop` and the target's names.
        var iterationStart: Int?
        for (index, item) in items.enumerated() {
            loopState?.index0 = index
            if let iterationStart { scope.keepFirst(iterationStart) }
            try bind(scope, item)
            if iterationStart == nil { iterationStart = scope.count }
            try body(&output, scope)
        }
        TemplateFrame.recycle(&scope)
    }

    /// `loop(children)` in a recursive loop: the loop again, one level deeper.
    private func recursion(depth: Int, outer: TemplateFrame) -> TemplateLoopState.Recursion {
        { children, _ in
            var rendered = TemplateOutput()
            try outer.state.nested { try run(over: try children.elements(), depth: depth + 1, in: outer, into: &rendered) }
            return autoescape ? .markup(Markup(rendered.text)) : .string(rendered.text)
        }
    }
}

extension TemplateLoop {
    /// The line of the first assignment to `loop` in the loop's target or
    /// anywhere inside it (`set`, a nested `for`), which Jinja refuses.
    func assignsLoopVariable(line: Int) -> Int? {
        if target.assigns("loop") { return line }
        return (body + otherwise).lazy.compactMap(\.lineAssigningLoopVariable).first
    }
}

extension TemplateNode {
    fileprivate var lineAssigningLoopVariable: Int? {
        let children: [TemplateNode]
        switch self {
        case .text, .print, .extends, .include, .importModule, .importNames: return nil
        case .assignment(let target, _, let line): return target.assigns("loop") ? line : nil
        case .blockAssignment(let target, _, let body, let line):
            if target.assigns("loop") { return line }
            children = body
        case .loop(let loop, let line): return loop.assignsLoopVariable(line: line)
        case .conditional(let branches, let otherwise, _): children = branches.flatMap(\.body) + otherwise
        case .block(let block, _): children = block.body
        case .macro(let macro, _): children = macro.body
        case .with(_, let body, _), .callBlock(_, _, let body, _), .filterBlock(_, let body, _),
             .autoescape(_, let body, _):
            children = body
        }
        return children.lazy.compactMap(\.lineAssigningLoopVariable).first
    }
}

extension TemplateAssignmentTarget {
    /// Whether assigning to this target binds `name`.
    func assigns(_ name: String) -> Bool {
        switch self {
        case .name(let target): target == name
        case .tuple(let targets): targets.contains { $0.assigns(name) }
        case .namespaceAttribute: false
        }
    }
}
