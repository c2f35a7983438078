/// Jinja's builtin filters.
enum TemplateFilters {
    static let builtins: [String: TemplateFilterFunction] = [:]
}
