/// The routes of an app: exact paths, then methods, with automatic HEAD and OPTIONS.
struct RouteTable: Sendable {
    private var handlers: [String: [HTTPMethod: App.Handler]] = [:]

    mutating func add(rule: String, methods: [HTTPMethod], endpoint: String, handler: @escaping App.Handler) {
        for method in methods { handlers[rule, default: [:]][method] = handler }
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
        let allow = allowed.sorted().joined(separator: ", ")
        if request.method == .options {
            return Response(headers: ["Allow": allow])
        }
        throw HTTPError(.methodNotAllowed, headers: ["Allow": allow])
    }
}
