/// The text of one template together with the name that error messages
/// cite, so a syntax error can say which file it came from.
///
/// ```swift
/// let source = TemplateSource(name: "index.html", text: "Hello {{ name }}!")
/// let nodes = try TemplateParser.parse(source)
/// ```
struct TemplateSource: Sendable, Equatable {
    /// The template's name as shown in errors, or `nil` for inline strings.
    var name: String?
    var text: String

    init(name: String? = nil, text: String) {
        self.name = name
        self.text = text
    }
}
