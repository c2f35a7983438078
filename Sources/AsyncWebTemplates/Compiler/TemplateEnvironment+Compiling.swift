/// Loading and compiling templates, once each, and the public ways to render them.
extension TemplateEnvironment {
    /// The template called `name`, ready to render.
    ///
    /// Throws a ``TemplateError`` of kind `.notFound` naming where the loader
    /// looked, or the template's syntax error.
    public func template(named name: String) throws -> Template {
        Template(compiled: try compiledTemplate(named: name), environment: self)
    }

    /// A template from a string, as Flask's `render_template_string` makes
    /// one: not cached, and escaping by the rule for unnamed templates.
    public func template(source: String) throws -> Template {
        Template(compiled: try compile(TemplateSource(text: source)), environment: self)
    }

    /// Renders the template called `name` with `context`.
    public func render(_ name: String, _ context: TemplateContext = [:]) throws -> String {
        try template(named: name).render(context)
    }

    func compiledTemplate(named name: String) throws -> CompiledTemplate {
        if let cached = cache.withLock({ $0[name] }), !configuration.autoReload || cached.source.isUpToDate() {
            return cached.template
        }
        guard let loader, let source = try loader.source(named: name) else {
            var error = TemplateError(.notFound, name)
            let places = loader?.searchDescription ?? []
            error.detail = places.isEmpty ? "No template loader is configured." : "Searched: " + places.joined(separator: ", ")
            throw error
        }
        let template = try compile(TemplateSource(name: name, text: source.text))
        cache.withLock { $0[name] = (template, source) }
        return template
    }

    /// The first of `names` that exists (`{% include ["a.html", "b.html"] %}`).
    func firstTemplate(of names: TemplateValue) throws -> CompiledTemplate {
        switch names {
        case .string(let name):
            return try compiledTemplate(named: name)
        case .markup(let name):
            return try compiledTemplate(named: name.html)
        case .undefined(let undefined):
            throw undefined.error
        default:
            let candidates = try names.elements().map { try $0.text() }
            for name in candidates {
                do {
                    return try compiledTemplate(named: name)
                } catch let error as TemplateError where error.kind == .notFound && error.message == name {
                    continue
                }
            }
            throw TemplateError(
                .noneFound, "none of the templates given were found: " + candidates.joined(separator: ", ")
            )
        }
    }

    private func compile(_ source: TemplateSource) throws -> CompiledTemplate {
        let options = TemplateSyntaxOptions(
            trimBlocks: configuration.trimBlocks, lstripBlocks: configuration.lstripBlocks,
            keepTrailingNewline: configuration.keepTrailingNewline
        )
        let nodes: [TemplateNode]
        do {
            nodes = try TemplateParser.parse(source, options: options)
        } catch let error as TemplateSyntaxError {
            throw TemplateError(error)
        }
        return try TemplateCompiler.compile(nodes, name: source.name, environment: self)
    }
}

/// A compiled template and the environment it renders in.
///
/// ```swift
/// let page = try templates.template(named: "user.html")
/// let html = try page.render(["user": user])
/// ```
public struct Template: Sendable {
    let compiled: CompiledTemplate
    let environment: TemplateEnvironment

    /// The name it was loaded by, nil for templates made from strings.
    public var name: String? { compiled.name }

    /// Renders the template with `context` (plus the environment's globals).
    public func render(_ context: TemplateContext = [:]) throws -> String {
        try renderOutput(context).text
    }

    /// Renders as UTF-8 bytes, ready to be a response body without a detour through `String`.
    public func renderBytes(_ context: TemplateContext = [:]) throws -> [UInt8] {
        try renderOutput(context).bytes
    }

    private func renderOutput(_ context: TemplateContext) throws -> TemplateOutput {
        let state = TemplateRenderState(environment: environment, autoescape: compiled.autoescape)
        defer { state.finish() }
        var output = TemplateOutput(reservingCapacity: 4096)
        try compiled.render(context.variables, state: state, into: &output)
        return output
    }
}
