/// What an app registers for its templates before it serves: extra
/// globals, filters, tests and context processors, and blueprint folders.
struct TemplateSetup: Sendable {
    var globals: [String: TemplateValue] = [:]
    var filters: [String: TemplateEnvironment.TemplateFilter] = [:]
    var tests: [String: TemplateEnvironment.TemplateTest] = [:]
    var contextProcessors: [@Sendable () -> [String: TemplateValue]] = []
    var blueprintFolders: [String] = []

    /// The environment Flask's `create_jinja_environment` would make: the
    /// app's folder then each blueprint's, autoescaping by file name,
    /// reloading changed files in debug mode, and `url_for`, `config` and
    /// `get_flashed_messages` among the globals.
    func environment(for app: App, config: Config) -> TemplateEnvironment {
        var configuration = TemplateEnvironment.Configuration()
        configuration.autoReload = config["TEMPLATES_AUTO_RELOAD"]?.bool ?? config.debug
        configuration.globals = globals
        configuration.globals["url_for"] = TemplateValue.urlFor(app)
        configuration.globals["config"] = TemplateValue(config)
        configuration.globals["get_flashed_messages"] = TemplateValue.getFlashedMessages
        configuration.filters = filters
        configuration.tests = tests
        let folders = (app.templateFolder.map { [$0] } ?? []) + blueprintFolders
        return TemplateEnvironment(loader: DirectoryTemplateLoader(directories: folders), configuration: configuration)
    }
}

extension TemplateValue {
    /// `config` in templates: the app's configuration as a dictionary, keys sorted.
    init(_ config: Config) {
        self.init(JSONValue.object(config.sorted(by: { $0.key < $1.key }).map { (key: $0.key, value: $0.value) }))
    }

    /// `get_flashed_messages(with_categories=False, category_filter=())`:
    /// messages, or `(category, message)` tuples; Markup stays Markup.
    static let getFlashedMessages = TemplateValue.callable(TemplateCallable(name: "get_flashed_messages") { arguments in
        guard RequestContext.current != nil else {
            throw TemplateError(.runtime, "Working outside of request context: get_flashed_messages() needs a request.")
        }
        let bound = try arguments.bind("get_flashed_messages", ["with_categories", "category_filter"])
        let withCategories = try bound[0]?.truth() ?? false
        let filter = try bound[1].map { try $0.elements().map { try $0.text() } } ?? []
        return .list(Flashes.current(filter).map { flash in
            let message = TemplateValue(flash.message)
            return withCategories ? .tuple([.string(flash.category), message]) : message
        })
    })

    /// `url_for(endpoint, **values)` in templates, with Flask's `_external`,
    /// `_anchor` and `_method` keywords; for the current request when there
    /// is one.
    static func urlFor(_ app: App) -> TemplateValue {
        .callable(TemplateCallable(name: "url_for") { [unowned app] arguments in
            guard let endpoint = try arguments.positional.first?.text() else {
                throw TemplateError(.type, "url_for() missing 1 required positional argument: 'endpoint'")
            }
            var values: [(name: String, value: String)] = []
            var external = false
            var anchor: String?
            var method: HTTPMethod?
            for (name, value) in arguments.keyword {
                switch name {
                case "_external": external = try value.truth()
                case "_anchor": anchor = try value.text()
                case "_method": method = HTTPMethod(rawValue: try value.text())
                default:
                    if case .none = value { continue }
                    values.append((name, try value.text()))
                }
            }
            let built: String
            if let context = RequestContext.current, context.app === app {
                built = try context.url(for: endpoint, values, method: method, external: external, anchor: anchor)
            } else {
                built = try app.url(for: endpoint, values, method: method, external: external, anchor: anchor)
            }
            return .string(built)
        })
    }
}
