/// Templates held in memory by name: Jinja's `DictLoader`, handy in tests
/// and for templates compiled into the binary.
///
/// ```swift
/// let loader = DictionaryTemplateLoader(["hello.html": "Hello {{ name }}!"])
/// ```
public struct DictionaryTemplateLoader: TemplateLoader {
    public let templates: [String: String]

    public init(_ templates: [String: String]) {
        self.templates = templates
    }

    public func source(named name: String) throws -> TemplateLoaderSource? {
        templates[name].map { TemplateLoaderSource(text: $0) }
    }

    public var searchDescription: [String] { ["the in-memory templates"] }
}
