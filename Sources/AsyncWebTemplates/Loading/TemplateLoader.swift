/// Finds template sources by name: Jinja's `BaseLoader`.
///
/// AsyncWeb ships ``DirectoryTemplateLoader`` (Jinja's `FileSystemLoader`),
/// ``DictionaryTemplateLoader`` and ``ChoiceTemplateLoader``; conform your
/// own type to load templates from anywhere else.
public protocol TemplateLoader: Sendable {
    /// The source of the template called `name`, or nil when this loader has none.
    func source(named name: String) throws -> TemplateLoaderSource?
    /// Where this loader looks, for the message of a missing template
    /// (e.g. the folders searched).
    var searchDescription: [String] { get }
}

/// A template's text and how to tell whether it has changed since.
public struct TemplateLoaderSource: Sendable {
    public var text: String
    /// The file it came from, if any.
    public var path: String?
    /// True while the source is unchanged; checked before reusing a
    /// compiled template when auto-reload is on.
    public var isUpToDate: @Sendable () -> Bool

    public init(text: String, path: String? = nil, isUpToDate: @escaping @Sendable () -> Bool = { true }) {
        self.text = text
        self.path = path
        self.isUpToDate = isUpToDate
    }
}
