import Synchronization

/// Values stored for one request (Flask's `g`), shared by the handler, hooks and the
/// tasks they start.
///
/// ```swift
/// app.beforeRequest { g["user"] = try await loadUser() ; return nil }
/// app.get("/") { "Hello \(g["user", as: User.self]?.name ?? "guest")" }
/// ```
public final class RequestGlobals: Sendable {
    private let values = Mutex<[String: any Sendable]>([:])

    public init() {}

    /// The value stored under `key`, or nil.
    public subscript(key: String) -> (any Sendable)? {
        get { values.withLock { $0[key] } }
        set { values.withLock { $0[key] = newValue } }
    }

    /// The value stored under `key` if it has type `T`.
    public subscript<T: Sendable>(key: String, as type: T.Type) -> T? {
        values.withLock { $0[key] as? T }
    }

    /// Removes and returns the value under `key` (Flask's `g.pop`).
    @discardableResult
    public func pop(_ key: String) -> (any Sendable)? {
        values.withLock { $0.removeValue(forKey: key) }
    }

    /// Whether something is stored under `key` (Flask's `"key" in g`).
    public func contains(_ key: String) -> Bool {
        values.withLock { $0[key] != nil }
    }
}
