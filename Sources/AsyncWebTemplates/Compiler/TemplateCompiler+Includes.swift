internal import AsyncWebEncoding

/// `{% include %}`, `{% import %}` and `{% from … import %}`.
extension TemplateCompiler {
    mutating func compileInclude(
        _ template: TemplateExpression, ignoreMissing: Bool, withContext: Bool, line: Int
    ) throws -> TemplateRenderer {
        let names = try compile(template, line: line)
        return { output, frame in
            let included: CompiledTemplate
            do {
                included = try frame.state.environment.firstTemplate(of: try names(frame))
            } catch let error as TemplateError where ignoreMissing && (error.kind == .notFound || error.kind == .noneFound) {
                return
            }
            let variables = withContext ? frame.visibleVariables() : [:]
            try included.render(variables, state: frame.state, into: &output)
        }
    }

    mutating func compileImport(
        _ template: TemplateExpression, alias: String, withContext: Bool, line: Int
    ) throws -> TemplateRenderer {
        let names = try compile(template, line: line)
        let bind = compileBinder(.name(alias), exporting: isTopLevel)
        return { _, frame in
            try bind(frame, try Self.module(try names(frame), withContext: withContext, frame: frame))
        }
    }

    mutating func compileFromImport(
        _ template: TemplateExpression, names: [TemplateImportedName], withContext: Bool, line: Int
    ) throws -> TemplateRenderer {
        if names.contains(where: { $0.name.hasPrefix("_") }) {
            throw failure(.assertion, "names starting with an underline can not be imported", line: line)
        }
        let templateName = try compile(template, line: line)
        let bindings = names.map { (name: $0.name, bind: compileBinder(.name($0.alias ?? $0.name), exporting: isTopLevel)) }
        let importer = self.templateName ?? "<template>"
        return { _, frame in
            let nameValue = try templateName(frame)
            guard case .object(let object) = try Self.module(nameValue, withContext: withContext, frame: frame),
                let module = object as? TemplateModule
            else { return }
            for binding in bindings {
                let value = module.exports[binding.name] ?? frame.state.undefined(.hint(
                    "the template \(PythonText.repr(module.name)) (imported on line \(line) in \(PythonText.repr(importer))) "
                        + "does not export the requested name \(PythonText.repr(binding.name))"
                ))
                try binding.bind(frame, value)
            }
        }
    }

    /// Renders the template to collect what it exports. Without context the
    /// result is the same every time, so each render imports it once.
    private static func module(_ name: TemplateValue, withContext: Bool, frame: TemplateFrame) throws -> TemplateValue {
        let state = frame.state
        let key = try name.text()
        if !withContext, let cached = state.importedModules[key] { return cached }
        let template = try state.environment.firstTemplate(of: name)
        let context = TemplateRenderContext(
            state: state, template: template, variables: withContext ? frame.visibleVariables() : [:]
        )
        var body = TemplateOutput()
        try template.render(context, into: &body)
        let module = TemplateValue.object(TemplateModule(name: template.name ?? key, exports: context.exports, body: body.text))
        if !withContext { state.importedModules[key] = module }
        return module
    }
}

/// What `{% import "forms.html" as forms %}` binds: the template's exported
/// macros and variables as attributes.
final class TemplateModule: TemplateObject {
    let name: String
    let exports: [String: TemplateValue]
    /// What the template printed while it was imported: `{{ forms }}`
    /// prints it, as safe HTML (Jinja's `TemplateModule.__html__`).
    let body: String
    /// The exports by interned name, for `{{ module.macro() }}`: a module
    /// exports a few names, and comparing integers beats hashing a string.
    private let exportsByName: [(id: Int, value: TemplateValue)]

    init(name: String, exports: [(name: String, value: TemplateValue)], body: String) {
        self.name = name
        self.body = body
        self.exports = Dictionary(exports.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        self.exportsByName = exports.map { (TemplateName($0.name).id, $0.value) }
    }

    func export(_ name: TemplateName) -> TemplateValue? {
        exportsByName.last { $0.id == name.id }?.value
    }

    func attribute(_ name: String) -> TemplateValue? { exports[name] }

    var typeDescription: String { "jinja2.environment.TemplateModule object" }
    var printed: String { body }
}
