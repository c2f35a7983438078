/// A template that cannot be lexed or parsed, reported with Jinja's own
/// wording so messages match what Flask users already know.
struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    var message: String
    /// The 1-based line the problem was found on.
    var line: Int
    /// The template's name, or `nil` for templates built from a string.
    var templateName: String?
    /// Jinja raises this one as a `TemplateAssertionError`: the syntax is
    /// fine but the statement is not allowed.
    var isAssertion = false

    var description: String {
        let location = templateName.map { "File \"\($0)\", line \(line)" } ?? "line \(line)"
        return "\(message)\n  \(location)"
    }
}
