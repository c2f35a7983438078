import Synchronization

/// A group of routes and hooks registered on an app together, under a URL prefix and an
/// endpoint namespace (Flask's `Blueprint`).
///
/// ```swift
/// let admin = Blueprint("admin", urlPrefix: "/admin")
/// admin.get("/", name: "index") { "Admin home" }                  // endpoint "admin.index"
/// admin.get("/users") { try url(for: ".index") }                   // "/admin/": relative to the blueprint
/// admin.beforeRequest { … }                                        // only for admin's routes
/// app.register(admin)
/// ```
/// With a `staticFolder`, its files are served under the prefix as `admin.static`.
public final class Blueprint: RouteRegistrar, Sendable {
    public let name: String
    public let urlPrefix: String
    public let staticFolder: String?
    /// A folder searched for templates after the app's own (Flask's blueprint `template_folder`).
    public let templateFolder: String?
    private let recorded = Mutex<[@Sendable (App, String) -> Void]>([])

    /// - Parameters:
    ///   - staticFolder: a folder served at `urlPrefix + staticURLPath` as the endpoint
    ///     `name.static`; relative to the folder of the file creating the blueprint.
    ///   - templateFolder: searched for templates after the app's folder, relative likewise.
    public init(
        _ name: String, urlPrefix: String = "", staticFolder: String? = nil, staticURLPath: String = "/static",
        templateFolder: String? = nil, file: StaticString = #filePath
    ) {
        precondition(!name.contains("."), "A blueprint's name may not contain a dot: '\(name)'. Endpoints are named 'blueprint.endpoint'.")
        self.name = name
        self.urlPrefix = urlPrefix.hasSuffix("/") ? String(urlPrefix.dropLast()) : urlPrefix
        let folder = String(describing: file).split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        self.staticFolder = staticFolder.map { $0.hasPrefix("/") ? $0 : folder + "/" + $0 }
        self.templateFolder = templateFolder.map { $0.hasPrefix("/") ? $0 : folder + "/" + $0 }
        if let templates = self.templateFolder {
            record { app, _ in app.register("register") { $0.templates.blueprintFolders.append(templates) } }
        }
        if let served = self.staticFolder {
            route(staticURLPath + "/<path:filename>", name: "static") { request in
                try sendFromDirectory(served, request.pathParameters["filename"] ?? "", maxAge: currentApp.config.sendFileMaxAge)
            }
        }
    }

    public func addRoute(
        _ rules: [String], methods: [HTTPMethod], endpoint: String?, registeredAt site: CallSite, handler: @escaping App.Handler
    ) {
        let name = self.name
        record { app, prefix in
            app.addRoute(
                rules.map { prefix + $0 }, methods: methods, endpoint: "\(name).\(endpoint ?? rules[0])", registeredAt: site,
                handler: handler)
        }
    }

    /// Runs `hook` before the requests routed to this blueprint.
    public func beforeRequest(_ hook: @escaping @Sendable () async throws -> Response?) {
        let name = self.name
        record { app, _ in
            app.beforeRequest { Blueprint.owns(name) ? try await hook() : nil }
        }
    }

    /// Passes the responses to this blueprint's requests through `hook`.
    public func afterRequest(_ hook: @escaping @Sendable (Response) async throws -> Response) {
        let name = self.name
        record { app, _ in
            app.afterRequest { response in Blueprint.owns(name) ? try await hook(response) : response }
        }
    }

    private func record(_ registration: @escaping @Sendable (App, String) -> Void) {
        recorded.withLock { $0.append(registration) }
    }

    /// Whether the current request was routed to blueprint `name`.
    static func owns(_ name: String) -> Bool {
        RequestContext.current?.state.routeMatch?.endpoint.hasPrefix(name + ".") ?? false
    }

    func register(on app: App, urlPrefix: String?) {
        let prefix = urlPrefix.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? self.urlPrefix
        for registration in recorded.withLock({ $0 }) { registration(app, prefix) }
    }
}

extension App {
    /// Registers everything recorded on `blueprint` (Flask's `app.register_blueprint`),
    /// optionally under another URL prefix than its own.
    public func register(_ blueprint: Blueprint, urlPrefix: String? = nil) {
        blueprint.register(on: self, urlPrefix: urlPrefix)
    }
}
