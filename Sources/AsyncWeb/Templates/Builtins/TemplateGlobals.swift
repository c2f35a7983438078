/// Jinja's builtin globals.
enum TemplateGlobals {
    static let builtins: [String: TemplateValue] = [:]
}
