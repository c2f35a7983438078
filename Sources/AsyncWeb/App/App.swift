import Synchronization

/// An AsyncWeb application: the routes and how to run them, like Flask's `Flask` object.
///
/// ```swift
/// let app = App()
/// app.get("/") { "<p>Hello, World!</p>" }
/// try await app.run()
/// ```
/// Register routes before the app serves its first request; the route table is fixed then.
public final class App: HTTPResponder, Sendable {
    /// A route handler as stored: the request in, a response out.
    public typealias Handler = @Sendable (Request) async throws -> Response

    /// The app's name, shown when it starts (Flask's import name). Defaults to the executable's name.
    public let name: String

    private let registration = Mutex<[String: [HTTPMethod: Handler]]>([:])
    private let routes = AtomicLazyReference<RouteTable>()

    public init(_ name: String? = nil) {
        self.name = name ?? CommandLine.arguments.first.map { String($0.split(separator: "/").last ?? "app") } ?? "app"
    }

    /// Registers `handler` for `path` and each of `methods`.
    public func route<Result: ResponseConvertible>(
        _ path: String, methods: [HTTPMethod] = [.get],
        _ handler: @escaping @Sendable (Request) async throws -> Result
    ) {
        precondition(
            routes.load() == nil,
            "The setup method 'route' can no longer be called on the application: it has already served its first request. Register every route before running the app.")
        registration.withLock { table in
            for method in methods {
                table[path, default: [:]][method] = { request in try await handler(request).makeResponse() }
            }
        }
    }

    /// Registers a `GET` handler for `path`.
    public func get<Result: ResponseConvertible>(
        _ path: String, _ handler: @escaping @Sendable (Request) async throws -> Result
    ) {
        route(path, methods: [.get], handler)
    }

    /// Registers a `GET` handler that does not need the request.
    public func get<Result: ResponseConvertible>(_ path: String, _ handler: @escaping @Sendable () async throws -> Result) {
        route(path, methods: [.get]) { _ in try await handler() }
    }

    /// Registers a `POST` handler for `path`.
    public func post<Result: ResponseConvertible>(
        _ path: String, _ handler: @escaping @Sendable (Request) async throws -> Result
    ) {
        route(path, methods: [.post], handler)
    }

    public func respond(to request: Request) async throws -> Response {
        let table = routes.load() ?? routes.storeIfNil(RouteTable(registration.withLock { $0 }))
        return try await table.respond(to: request)
    }
}

/// The frozen routes of an app: exact paths, then methods.
final class RouteTable: Sendable {
    private let handlers: [String: [HTTPMethod: App.Handler]]

    init(_ handlers: [String: [HTTPMethod: App.Handler]]) {
        self.handlers = handlers
    }

    func respond(to request: Request) async throws -> Response {
        guard let byMethod = handlers[String(request.rawPath)] else {
            throw HTTPError(.notFound)
        }
        if let handler = byMethod[request.method] ?? (request.method == .head ? byMethod[.get] : nil) {
            return try await handler(request)
        }
        var allowed = Set(byMethod.keys.map(\.rawValue))
        if allowed.contains("GET") { allowed.insert("HEAD") }
        allowed.insert("OPTIONS")
        if request.method == .options {
            return Response(headers: ["Allow": allowed.sorted().joined(separator: ", ")])
        }
        throw HTTPError(.methodNotAllowed, headers: ["Allow": allowed.sorted().joined(separator: ", ")])
    }
}
