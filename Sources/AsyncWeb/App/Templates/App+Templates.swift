/// Rendering templates from handlers, as Flask's `render_template`: the
/// template sees your context plus `request`, `g`, `config`, `url_for`
/// and what context processors add.
///
/// ```swift
/// app.get("/hello/<name>") { request in
///     try renderTemplate("hello.html", ["person": request.pathParameters["name"]])
/// }
/// ```
/// - Throws: ``TemplateError`` when the template is missing, malformed or
///   fails while rendering; the app answers 500 (with the template's name
///   and line on the debug page).
public func renderTemplate(_ name: String, _ context: TemplateContext = [:]) throws -> String {
    try RequestContext.required("renderTemplate").app.renderTemplate(name, context)
}

/// Renders a template written inline (Flask's `render_template_string`);
/// it escapes, as templates from strings do in Flask.
public func renderTemplateString(_ source: String, _ context: TemplateContext = [:]) throws -> String {
    try RequestContext.required("renderTemplateString").app.renderTemplateString(source, context)
}

extension App {
    /// The app's template environment (Flask's `app.jinja_env`). Reading it before the
    /// app serves freezes nothing: a filter or blueprint registered later makes a new one.
    public var templates: TemplateEnvironment { currentPipeline.templates }

    /// Renders `name` from the app's templates; inside a request the
    /// template also sees `request` and `g`.
    public func renderTemplate(_ name: String, _ context: TemplateContext = [:]) throws -> String {
        try templates.template(named: name).render(completed(context))
    }

    /// Renders a template written inline.
    public func renderTemplateString(_ source: String, _ context: TemplateContext = [:]) throws -> String {
        try templates.template(source: source).render(completed(context))
    }

    /// Makes `value` a global of every template (Flask's `app.add_template_global`).
    public func templateGlobal(_ name: String, _ value: TemplateValue) {
        register("templateGlobal") { $0.templates.globals[name] = value }
    }

    /// Adds a filter (Flask's `@app.template_filter`):
    /// `app.templateFilter("reverse") { value, _ in .string(String(try value.text().reversed())) }`.
    public func templateFilter(_ name: String, _ filter: @escaping TemplateEnvironment.TemplateFilter) {
        register("templateFilter") { $0.templates.filters[name] = filter }
    }

    /// Adds a test (Flask's `@app.template_test`).
    public func templateTest(_ name: String, _ test: @escaping TemplateEnvironment.TemplateTest) {
        register("templateTest") { $0.templates.tests[name] = test }
    }

    /// Adds variables to every render (Flask's `@app.context_processor`);
    /// the render's own context wins over them.
    public func contextProcessor(_ processor: @escaping @Sendable () -> [String: TemplateValue]) {
        register("contextProcessor") { $0.templates.contextProcessors.append(processor) }
    }

    /// Flask's `update_template_context`: processors first, the caller's values over them.
    private func completed(_ context: TemplateContext) -> TemplateContext {
        var variables: [String: TemplateValue] = [:]
        if let current = RequestContext.current, current.app === self {
            variables["request"] = .object(RequestTemplateObject(current.request))
            variables["g"] = .object(RequestGlobalsTemplateObject(current.g))
            variables["session"] = .object(SessionTemplateObject(current.session))
        }
        for processor in currentPipeline.setup.templates.contextProcessors {
            variables.merge(processor()) { _, processed in processed }
        }
        variables.merge(context.variables) { _, given in given }
        return TemplateContext(variables)
    }
}
