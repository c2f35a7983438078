/// Tries several loaders in order and takes the first that has the
/// template: Jinja's `ChoiceLoader`, and how Flask searches the app's
/// templates folder before each blueprint's.
public struct ChoiceTemplateLoader: TemplateLoader {
    public let loaders: [any TemplateLoader]

    public init(_ loaders: [any TemplateLoader]) {
        self.loaders = loaders
    }

    public func source(named name: String) throws -> TemplateLoaderSource? {
        for loader in loaders {
            if let source = try loader.source(named: name) { return source }
        }
        return nil
    }

    public var searchDescription: [String] { loaders.flatMap(\.searchDescription) }
}
