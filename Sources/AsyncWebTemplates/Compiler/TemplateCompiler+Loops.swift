/// `{% for %}`: the body compiled once; a `loop` object only when the body
/// mentions `loop`.
extension TemplateCompiler {
    mutating func compileLoop(_ loop: TemplateLoop, line: Int) throws -> TemplateRenderer {
        let iterable = try compile(loop.iterable, line: line)
        let compiled = CompiledLoop(
            bind: compileBinder(loop.target, exporting: false),
            filter: try loop.filter.map { try compile($0, line: line) },
            body: try compileNested(loop.body),
            otherwise: loop.otherwise.isEmpty ? nil : try compileNested(loop.otherwise),
            usesLoopObject: TemplateNameReferences(loop.body).contains("loop") || loop.isRecursive,
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
        for (index, item) in items.enumerated() {
            loopState?.index0 = index
            try bind(scope, item)
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
