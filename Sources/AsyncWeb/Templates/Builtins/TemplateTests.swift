/// Jinja's builtin tests.
enum TemplateTests {
    static let builtins: [String: TemplateTestFunction] = [:]
}
