import FoundationEssentials
public import AsyncWebEncoding
#if canImport(Glibc)
import Glibc
#endif

/// An app's configuration: Flask's keys with Flask's defaults, dictionary-like.
///
/// ```swift
/// app.config["SECRET_KEY"] = "a long random string"
/// app.config.fromPrefixedEnvironment()          // FLASK_SECRET_KEY=… overrides SECRET_KEY
/// try app.config.fromJSONFile("config.json")
/// if app.config.debug { … }
/// ```
public struct Config: Sendable, Sequence {
    private var values: [String: JSONValue]

    /// Flask 3.1's defaults (`PERMANENT_SESSION_LIFETIME` in seconds: 31 days).
    public static let defaults: [String: JSONValue] = [
        "APPLICATION_ROOT": "/", "DEBUG": false, "EXPLAIN_TEMPLATE_LOADING": false, "MAX_CONTENT_LENGTH": nil,
        "MAX_COOKIE_SIZE": 4093, "MAX_FORM_MEMORY_SIZE": 500_000, "MAX_FORM_PARTS": 1_000,
        "PERMANENT_SESSION_LIFETIME": .int(31 * 24 * 3600), "PREFERRED_URL_SCHEME": "http",
        "PROPAGATE_EXCEPTIONS": nil, "PROVIDE_AUTOMATIC_OPTIONS": true, "SECRET_KEY": nil,
        "SECRET_KEY_FALLBACKS": nil, "SEND_FILE_MAX_AGE_DEFAULT": nil, "SERVER_NAME": nil,
        "SESSION_COOKIE_DOMAIN": nil, "SESSION_COOKIE_HTTPONLY": true, "SESSION_COOKIE_NAME": "session",
        "SESSION_COOKIE_PARTITIONED": false, "SESSION_COOKIE_PATH": nil, "SESSION_COOKIE_SAMESITE": nil,
        "SESSION_COOKIE_SECURE": false, "SESSION_REFRESH_EACH_REQUEST": true, "TEMPLATES_AUTO_RELOAD": nil,
        "TESTING": false, "TRAP_BAD_REQUEST_ERRORS": nil, "TRAP_HTTP_EXCEPTIONS": false, "TRUSTED_HOSTS": nil,
        "USE_X_SENDFILE": false,
    ]

    public init(_ values: [String: JSONValue] = Config.defaults) {
        self.values = values
    }

    /// The value for `key`; nil when the key is unknown (a key set to None holds `.null`).
    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    public func makeIterator() -> Dictionary<String, JSONValue>.Iterator {
        values.makeIterator()
    }

    /// `DEBUG`: debug mode (rich error pages).
    public var debug: Bool {
        get { values["DEBUG"]?.bool ?? false }
        set { values["DEBUG"] = .bool(newValue) }
    }

    /// `TESTING`.
    public var testing: Bool { values["TESTING"]?.bool ?? false }
    /// `SECRET_KEY`, when set.
    public var secretKey: String? { values["SECRET_KEY"]?.string }
    /// `MAX_CONTENT_LENGTH`: the largest request body the app reads; nil for no limit.
    public var maxContentLength: Int? { values["MAX_CONTENT_LENGTH"]?.int }
    /// `MAX_FORM_MEMORY_SIZE`: bytes of non-file form fields kept in memory (500,000).
    public var maxFormMemorySize: Int? { values["MAX_FORM_MEMORY_SIZE"]?.int }
    /// `MAX_FORM_PARTS`: fields and files in one multipart form (1,000).
    public var maxFormParts: Int? { values["MAX_FORM_PARTS"]?.int }
    /// `SEND_FILE_MAX_AGE_DEFAULT`: `Cache-Control` max-age for static files; nil sends no-cache.
    public var sendFileMaxAge: Int? { values["SEND_FILE_MAX_AGE_DEFAULT"]?.int }
    /// `APPLICATION_ROOT`: where the app is mounted, for URL building.
    public var applicationRoot: String { values["APPLICATION_ROOT"]?.string ?? "/" }
    /// `PREFERRED_URL_SCHEME`: the scheme of external URLs built outside a request.
    public var preferredURLScheme: String { values["PREFERRED_URL_SCHEME"]?.string ?? "http" }
    /// `SERVER_NAME`: the host (and port) of external URLs built outside a request.
    public var serverName: String? { values["SERVER_NAME"]?.string }

    /// Loads every `PREFIX_KEY` environment variable as `KEY` (Flask's `from_prefixed_env`);
    /// values are read as JSON where they parse, so `FLASK_DEBUG=true` is a boolean, and
    /// kept as the plain string where they do not.
    public mutating func fromPrefixedEnvironment(_ prefix: String = "FLASK", environment: [String: String]? = nil) {
        let environment = environment ?? ProcessEnvironment.current
        for (name, text) in environment where name.hasPrefix(prefix + "_") {
            values[String(name.dropFirst(prefix.count + 1))] = (try? JSONReader.parse(text)) ?? .string(text)
        }
    }

    /// Loads the keys of a JSON object file (Flask's `from_file(path, load=json.load)`);
    /// only upper-case keys are taken, as Flask does.
    public mutating func fromJSONFile(_ path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard case .object(let members) = try JSONReader.parse(Array(data)) else {
            throw ConfigFileError(path: path)
        }
        for (key, value) in members where key == key.uppercased() {
            values[key] = value
        }
    }
}

/// A config file whose JSON is not an object of keys.
struct ConfigFileError: Error, CustomStringConvertible {
    let path: String
    var description: String { "\(path) holds no JSON object; a config file maps keys to values: {\"SECRET_KEY\": \"…\"}" }
}

/// The process's environment variables.
enum ProcessEnvironment {
    static var current: [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }
}
