/// `set`, block `set`, `with` and the targets that `for` and `set` unpack into.
extension TemplateCompiler {
    typealias Binder = @Sendable (TemplateFrame, TemplateValue) throws -> Void

    /// Stores a value into `target` in the given scope: a name, a tuple of
    /// targets unpacking a sequence, or a namespace attribute. Top-level
    /// assignments are also exported when `exporting`.
    func compileBinder(_ target: TemplateAssignmentTarget, exporting: Bool) -> Binder {
        switch target {
        case .name(let text):
            let name = TemplateName(text)
            if exporting {
                return { frame, value in
                    frame.define(name, value)
                    frame.context.export(text, value)
                }
            }
            return { frame, value in frame.define(name, value) }
        case .tuple(let targets):
            let binders = targets.map { compileBinder($0, exporting: exporting) }
            return { frame, value in
                let elements = try value.elements()
                guard elements.count >= binders.count else {
                    throw TemplateError(
                        .value, "not enough values to unpack (expected \(binders.count), got \(elements.count))"
                    )
                }
                guard elements.count == binders.count else {
                    throw TemplateError(.value, "too many values to unpack (expected \(binders.count))")
                }
                for (binder, element) in zip(binders, elements) { try binder(frame, element) }
            }
        case .namespaceAttribute(let namespace, let attribute):
            let startsMissing = symbols.startsMissing(namespace)
            let namespace = TemplateName(namespace)
            return { frame, value in
                let target = startsMissing ? frame.resolveLocal(namespace) : frame.resolve(namespace)
                guard case .object(let object) = target, let namespace = object as? TemplateNamespace else {
                    throw TemplateError(.runtime, "cannot assign attribute on non-namespace object")
                }
                namespace.setAttribute(attribute, value, during: frame.state)
            }
        }
    }

    mutating func compileAssignment(
        _ target: TemplateAssignmentTarget, value: TemplateExpression, line: Int
    ) throws -> TemplateRenderer {
        let value = try compile(value, line: line)
        let bind = compileBinder(target, exporting: isTopLevel)
        return { _, frame in try bind(frame, try value(frame)) }
    }

    /// `{% set name | filters %}body{% endset %}`: the rendered body, Markup
    /// when autoescaping, through the filters.
    mutating func compileBlockAssignment(
        _ target: TemplateAssignmentTarget, filters: [TemplateFilterCall], body: [TemplateNode], line: Int
    ) throws -> TemplateRenderer {
        let autoescape = autoescape
        // The body is a scope of its own, as in Jinja: what it sets stays inside.
        let scope = TemplateSymbols(analyzing: body, in: symbols)
        let (body, applyFilters) = try inInnerFrame(scope: scope, checksOutput: false) { compiler in
            (try compiler.compile(body), try compiler.compileFilterChain(filters, line: line))
        }
        let bind = compileBinder(target, exporting: isTopLevel)
        return { _, frame in
            var rendered = TemplateOutput()
            var scope = TemplateFrame.scope(in: frame, capacity: 0)
            try body(&rendered, scope)
            TemplateFrame.recycle(&scope)
            let value: TemplateValue = autoescape ? .markup(Markup(rendered.text)) : .string(rendered.text)
            try bind(frame, try applyFilters(value, frame))
        }
    }

    /// `{% with a = 1 %}`: the values are computed outside, then bound in a new scope.
    mutating func compileWith(_ bindings: [TemplateBinding], body: [TemplateNode], line: Int) throws -> TemplateRenderer {
        let values = try bindings.map { (bind: compileBinder($0.target, exporting: false), value: try compile($0.value, line: line)) }
        let scope = TemplateSymbols(parent: symbols)
        bindings.forEach { scope.store($0.target) }
        scope.visit(body)
        let body = try compileNested(body, scope: scope)
        return { output, frame in
            let scope = TemplateFrame(parent: frame)
            for binding in values { try binding.bind(scope, try binding.value(frame)) }
            try body(&output, scope)
        }
    }

    /// `{% filter upper %}body{% endfilter %}`.
    mutating func compileFilterBlock(
        _ filters: [TemplateFilterCall], body: [TemplateNode], line: Int
    ) throws -> TemplateRenderer {
        let autoescape = autoescape
        // The body is a scope of its own, as in Jinja: what it sets stays inside.
        let scope = TemplateSymbols(analyzing: body, in: symbols)
        scope.load(filters)
        let (body, applyFilters) = try inInnerFrame(scope: scope) { compiler in
            (try compiler.compile(body), try compiler.compileFilterChain(filters, line: line))
        }
        return { output, frame in
            var rendered = TemplateOutput()
            var scope = TemplateFrame.scope(in: frame, capacity: 0)
            try body(&rendered, scope)
            TemplateFrame.recycle(&scope)
            let value: TemplateValue = autoescape ? .markup(Markup(rendered.text)) : .string(rendered.text)
            let filtered = try applyFilters(value, frame)
            if autoescape {
                try output.appendEscaped(filtered)
            } else {
                try output.appendText(filtered)
            }
        }
    }
}
