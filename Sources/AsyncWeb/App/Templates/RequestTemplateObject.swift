/// `request` inside templates: the attributes of Flask's request object
/// that templates read.
///
/// Rendering is synchronous, so `request.form` is what the handler already
/// read with `try await request.form()`, and empty if it did not.
final class RequestTemplateObject: TemplateObject {
    private let request: Request

    init(_ request: Request) {
        self.request = request
    }

    func attribute(_ name: String) -> TemplateValue? {
        switch name {
        case "method": .string(request.method.rawValue)
        case "path": .string(request.path)
        case "full_path": .string(request.fullPath)
        case "script_root": .string(request.scriptRoot)
        case "url_root", "host_url": .string(hostURL + request.scriptRoot + "/")
        case "base_url": .string(hostURL + request.scriptRoot + request.path)
        case "url": .string(hostURL + request.scriptRoot + request.fullPathWithoutEmptyQuery)
        case "host": .string(request.host)
        case "scheme": .string(request.scheme)
        case "is_secure": .bool(request.scheme == "https")
        case "query_string": .string(String(request.queryString))
        case "remote_addr": request.remoteAddress.map(TemplateValue.string) ?? TemplateValue.none
        case "endpoint": request.endpoint.map(TemplateValue.string) ?? TemplateValue.none
        case "blueprint": request.endpoint.flatMap { endpoint in
                endpoint.firstIndex(of: ".").map { TemplateValue.string(String(endpoint[..<$0])) }
            } ?? TemplateValue.none
        case "view_args":
            .dictionary(TemplateDictionary(
                request.pathParameters.map { (TemplateValue.string($0.name), TemplateValue($0.value.jsonValue)) }, uniquingKeysWith: { $1 }
            ))
        case "args": .object(MultiDictTemplateObject(request.args))
        case "cookies": .object(MultiDictTemplateObject(request.cookies))
        case "form": .object(MultiDictTemplateObject(RequestContext.current?.state(of: request)?.formData?.form ?? MultiDict()))
        case "headers":
            .object(MultiDictTemplateObject(MultiDict(request.headers.map { (String($0.name), String($0.value)) }), caseInsensitive: true))
        default: nil
        }
    }

    private var hostURL: String { request.scheme + "://" + request.host }

    var typeDescription: String { "Request object" }
    var printed: String { "<Request '\(hostURL + request.scriptRoot + request.fullPathWithoutEmptyQuery)' [\(request.method.rawValue)]>" }
}

extension Request {
    /// The path with its query string, without a lone `?` (Werkzeug's `url`).
    fileprivate var fullPathWithoutEmptyQuery: String {
        queryString.isEmpty ? path : path + "?" + queryString
    }
}

/// `request.args`, `request.form`, `request.cookies` and `request.headers`
/// in templates: `args.get('q', '')`, `args.getlist('tag')`, `args['q']`.
final class MultiDictTemplateObject: TemplateObject {
    private let values: MultiDict<String>
    private let caseInsensitive: Bool

    init(_ values: MultiDict<String>, caseInsensitive: Bool = false) {
        self.values = values
        self.caseInsensitive = caseInsensitive
    }

    private func first(_ key: String) -> String? {
        caseInsensitive ? values.first { $0.key.lowercased() == key.lowercased() }?.value : values[key]
    }

    func attribute(_ name: String) -> TemplateValue? {
        switch name {
        case "get":
            .callable(TemplateCallable(name: "get") { [self] arguments in
                let bound = try arguments.bind("get", ["key", "default", "type"])
                guard let key = try bound[0]?.text() else { throw TemplateError(.type, "get() missing 1 required positional argument: 'key'") }
                return first(key).map(TemplateValue.string) ?? bound[1] ?? TemplateValue.none
            })
        case "getlist":
            .callable(TemplateCallable(name: "getlist") { [self] arguments in
                guard let key = try arguments.positional.first?.text() else { return .list([]) }
                return .list(values.filter { caseInsensitive ? $0.key.lowercased() == key.lowercased() : $0.key == key }
                    .map { .string($0.value) })
            })
        default: nil
        }
    }

    func item(_ key: TemplateValue) -> TemplateValue? {
        guard case .string(let name) = key else { return nil }
        return first(name).map(TemplateValue.string)
    }

    var elements: [TemplateValue]? {
        var seen = Set<String>()
        return values.compactMap { seen.insert($0.key).inserted ? .string($0.key) : nil }
    }

    var typeDescription: String { "MultiDict object" }
    var printed: String { "MultiDict(\(TemplateValue.list(values.map { .tuple([.string($0.key), .string($0.value)]) }).repr))" }
}

/// `g` in templates: what handlers and hooks stored in ``RequestGlobals``,
/// converted when read (`Encodable` values through the encoder).
final class RequestGlobalsTemplateObject: TemplateObject {
    private let globals: RequestGlobals

    init(_ globals: RequestGlobals) {
        self.globals = globals
    }

    func attribute(_ name: String) -> TemplateValue? {
        if name == "get" {
            return .callable(TemplateCallable(name: "get") { [self] arguments in
                let bound = try arguments.bind("get", ["name", "default"])
                let key = try bound[0]?.text() ?? ""
                return value(key) ?? bound[1] ?? TemplateValue.none
            })
        }
        return value(name)
    }

    private func value(_ name: String) -> TemplateValue? {
        guard let stored = globals[name] else { return nil }
        if let encodable = stored as? any Encodable { return try? TemplateValue(encoding: encodable) }
        return .string(String(describing: stored))
    }

    var typeDescription: String { "flask.ctx._AppCtxGlobals object" }
    var printed: String { "<flask.g>" }
}
