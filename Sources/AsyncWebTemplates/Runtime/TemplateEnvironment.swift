internal import Synchronization

/// Where templates come from and how they behave: Jinja's `Environment`.
/// It compiles each template once and keeps it until its file changes (with
/// ``Configuration/autoReload``).
///
/// ```swift
/// let templates = TemplateEnvironment(loader: DirectoryTemplateLoader("templates"))
/// let html = try templates.render("hello.html", ["name": "World"])
/// ```
///
/// Configure everything through ``Configuration`` before the first render;
/// the environment is immutable afterwards and safe to share between tasks.
public final class TemplateEnvironment: Sendable {
    /// Jinja's environment options, with Flask's choices as defaults.
    public struct Configuration: Sendable {
        /// Use Jinja's `StrictUndefined`: printing or testing a missing value fails too.
        public var strictUndefined = false
        /// Drop the first newline after a block tag.
        public var trimBlocks = false
        /// Strip whitespace before a block tag at the start of a line.
        public var lstripBlocks = false
        /// Keep the newline that ends a template file.
        public var keepTrailingNewline = false
        /// Whether a template escapes what it prints, decided by its name
        /// (nil for templates made from strings). Flask's rule by default.
        public var autoescape: @Sendable (_ templateName: String?) -> Bool = TemplateEnvironment.selectAutoescape
        /// Check a template's source for changes before each use (Flask does in debug mode).
        public var autoReload = false
        /// Values every template sees, below the render's own context.
        public var globals: [String: TemplateValue] = [:]
        /// Filters to add to (or replace among) Jinja's builtins.
        public var filters: [String: TemplateFilter] = [:]
        /// Tests to add to (or replace among) Jinja's builtins.
        public var tests: [String: TemplateTest] = [:]

        public init() {}
    }

    /// A filter of your own: `{{ value|name(arguments) }}`.
    public typealias TemplateFilter = @Sendable (_ value: TemplateValue, _ arguments: TemplateCallArguments) throws -> TemplateValue
    /// A test of your own: `{% if value is name(arguments) %}`.
    public typealias TemplateTest = @Sendable (_ value: TemplateValue, _ arguments: TemplateCallArguments) throws -> Bool

    public let loader: (any TemplateLoader)?
    public let configuration: Configuration
    /// `configuration.strictUndefined`, read where undefined values are made
    /// without copying the whole configuration.
    let strictUndefined: Bool
    let filters: [String: TemplateFilterFunction]
    let tests: [String: TemplateTestFunction]
    /// Jinja's globals (`range`, `dict`, …) under the configured ones.
    let globals: [String: TemplateValue]
    /// Compiled templates by name, with the source they came from to check for changes.
    let cache = Mutex<[String: (template: CompiledTemplate, source: TemplateLoaderSource)]>([:])

    public init(loader: (any TemplateLoader)? = nil, configuration: Configuration = Configuration()) {
        self.loader = loader
        self.configuration = configuration
        strictUndefined = configuration.strictUndefined
        var filters = TemplateFilters.builtins
        for (name, filter) in configuration.filters {
            filters[name] = { value, arguments, _ in try filter(value, arguments) }
        }
        self.filters = filters
        var tests = TemplateTests.builtins
        for (name, test) in configuration.tests {
            tests[name] = { value, arguments, _ in try test(value, arguments) }
        }
        self.tests = tests
        self.globals = TemplateGlobals.builtins.merging(configuration.globals) { _, configured in configured }
    }

    /// Flask's `select_jinja_autoescape`: on for `.html`, `.htm`, `.xml`,
    /// `.xhtml` and `.svg` and for templates made from strings.
    public static func selectAutoescape(_ templateName: String?) -> Bool {
        guard let templateName else { return true }
        return [".html", ".htm", ".xml", ".xhtml", ".svg"].contains { templateName.hasSuffix($0) }
    }
}
