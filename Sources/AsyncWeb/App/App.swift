public import Logging
import Synchronization

/// An AsyncWeb application, like Flask's `Flask` object: routes, hooks, error handlers.
///
/// ```swift
/// let app = App("quickstart")
/// app.get("/") { "<p>Hello, World!</p>" }
/// app.get("/user/<username>") { request in "User \(escape(request.pathParameters["username"]))" }
/// try await app.run()
/// ```
/// Register everything before the app serves its first request (``run(configuration:)``
/// or a first ``respond(to:)``): its setup is frozen then, and every request reads it
/// without a lock. Reading ``templates`` or making a ``testRequestContext(_:method:headers:body:_:)``
/// freezes nothing; what is registered after them takes effect.
public final class App: HTTPResponder, Sendable {
    /// A route handler as stored: the request in, a response out.
    public typealias Handler = @Sendable (Request) async throws -> Response

    /// The app's name, shown when it starts (Flask's import name). Defaults to the executable's name.
    public let name: String
    /// Flask's `app.logger`, labelled with the app's name unless one was given to `init`.
    public let logger: Logger

    let setup = Mutex(AppSetup())
    /// The pipeline requests are served by, set when the app starts serving.
    private let frozen = SetOnceReference<AppPipeline>()
    /// A pipeline of the setup so far, for templates and test contexts before the app
    /// serves; every registration drops it, and the first request adopts it.
    private let provisional = Mutex<AppPipeline?>(nil)

    /// The configuration (Flask's `app.config`). Change it before the app serves; while
    /// it serves, requests read the frozen copy.
    public var config: Config {
        get { frozen.load()?.setup.config ?? setup.withLock { $0.config } }
        set { register("config") { $0.config = newValue } }
    }

    /// `DEBUG`, as Flask's `app.debug`.
    public var debug: Bool {
        get { config.debug }
        set { config.debug = newValue }
    }

    /// `SECRET_KEY`, as Flask's `app.secret_key`: what signs the session cookie.
    /// Rotate it by moving the old key to `SECRET_KEY_FALLBACKS`.
    public var secretKey: String? {
        get { config.secretKey }
        set { config["SECRET_KEY"] = newValue.map(JSONValue.string) ?? JSONValue.null }
    }

    /// The folder the app's relative paths start from (Flask's `root_path`).
    public let rootPath: String
    /// The folder served at ``staticURLPath`` as the `static` endpoint, if any.
    public let staticFolder: String?
    /// Where static files are served. Default `/static`.
    public let staticURLPath: String
    /// The folder ``renderTemplate(_:_:)`` loads templates from, if any.
    public let templateFolder: String?

    /// Creates an app.
    ///
    /// - Parameters:
    ///   - name: shown when it starts; defaults to the executable's name.
    ///   - rootPath: where relative folders start; defaults to the folder of the source
    ///     file that creates the app, as Flask uses the module's folder.
    ///   - staticFolder: served at `staticURLPath` under the endpoint `static`; relative to
    ///     `rootPath`; nil serves none.
    ///   - templateFolder: where templates are loaded from; relative to `rootPath`.
    ///   - logger: ``logger``; defaults to one labelled with `name`, made by the logging
    ///     backend bootstrapped with swift-log's `LoggingSystem`.
    public init(
        _ name: String? = nil, rootPath: String? = nil, staticFolder: String? = "static", staticURLPath: String = "/static",
        templateFolder: String? = "templates", logger: Logger? = nil, file: StaticString = #filePath
    ) {
        let name = name ?? CommandLine.arguments.first.map { String($0.split(separator: "/").last ?? "app") } ?? "app"
        self.name = name
        self.logger = logger ?? ConsoleLogHandler.defaultLogger(label: name)
        let root = rootPath ?? String(describing: file).split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        self.rootPath = root
        self.staticFolder = staticFolder.map { $0.hasPrefix("/") ? $0 : root + "/" + $0 }
        self.staticURLPath = staticURLPath
        self.templateFolder = templateFolder.map { $0.hasPrefix("/") ? $0 : root + "/" + $0 }
        if let folder = self.staticFolder {
            route(staticURLPath + "/<path:filename>", name: "static") { request in
                try sendFromDirectory(folder, request.pathParameters["filename"] ?? "", maxAge: currentApp.config.sendFileMaxAge)
            }
        }
    }

    /// Changes the setup, refusing once requests are being served (Flask's setup-method error).
    func register(_ what: String, _ change: (inout AppSetup) -> Void) {
        precondition(
            frozen.load() == nil,
            "The setup method '\(what)' can no longer be called on the application. It has already handled its first request; register every route, hook and handler before the app starts serving.")
        setup.withLock { change(&$0) }
        provisional.withLock { $0 = nil }
    }

    /// The frozen setup, once the app serves.
    var pipelineIfFrozen: AppPipeline? { frozen.load() }

    /// The frozen setup every request reads; the first call freezes it.
    var pipeline: AppPipeline {
        frozen.load() ?? frozen.storeIfNil(currentPipeline)
    }

    /// The frozen setup once the app serves; before, a pipeline of the setup so far,
    /// which freezes nothing.
    var currentPipeline: AppPipeline {
        if let pipeline = frozen.load() { return pipeline }
        // Made under the lock that registrations clear it with, so it never outlives a change.
        return provisional.withLock { provisional in
            if let pipeline = provisional { return pipeline }
            let pipeline = AppPipeline(app: self, setup: setup.withLock { $0 })
            provisional = pipeline
            return pipeline
        }
    }

    /// The app's response to `request`: every error, from middleware, hooks or handlers,
    /// has become a response through the app's error handlers, so this never throws.
    public func respond(to request: Request) async -> Response {
        await pipeline.respond(to: request)
    }
}

/// Everything registered on an app before it serves.
struct AppSetup: Sendable {
    var config = Config()
    var routes = AppRoutes()
    var beforeRequest: [@Sendable () async throws -> Response?] = []
    var afterRequest: [@Sendable (Response) async throws -> Response] = []
    var teardownRequest: [@Sendable ((any Error)?) async -> Void] = []
    var middleware: [any Middleware] = []
    var statusHandlers: [Int: @Sendable (HTTPError) async throws -> Response] = [:]
    var typeHandlers: [@Sendable (any Error) async throws -> Response?] = []
    var templates = TemplateSetup()
}
