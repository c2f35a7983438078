public import OrderedCollections
import Synchronization

/// The signed-cookie session of the current request (Flask's `session`): a
/// dictionary the client keeps, which it can read but not change.
///
/// ```swift
/// app.post("/login") { request in
///     session["username"] = try await request.form().require("username")
///     return redirect(to: try url(for: "index"))
/// }
/// app.get("/") {
///     session["username"]?.string.map { "Logged in as \($0)" } ?? "You are not logged in"
/// }
/// ```
/// The cookie is read on first use and written back only when the session
/// changed (or, for a ``permanent`` session, on every request while
/// `SESSION_REFRESH_EACH_REQUEST` is on). A cookie that was tampered with,
/// expired, or signed with another key reads as an empty session.
///
/// Without a `SECRET_KEY` the session reads as empty, and changing it fails the
/// request with Flask's explanation of how to set one.
public final class Session: Sendable {
    private struct State {
        /// Nil until the cookie is read.
        var values: OrderedDictionary<String, SessionValue>?
        var modified = false
        var accessed = false
        var writtenWithoutSecretKey = false
        /// The flashed messages this request took from the session, kept for its other readers.
        var takenFlashes: [SessionValue]?
    }

    private let state = Mutex(State())
    /// Reads and writes the cookie; nil when the app has no secret key.
    private let store: CookieSessionStore?
    let request: Request

    init(store: CookieSessionStore?, request: Request) {
        self.store = store
        self.request = request
    }

    /// The value under `key`, or nil. Setting a value stores it; setting nil removes the key.
    public subscript(key: String) -> SessionValue? {
        get { read { $0[key] } }
        set { write { $0[key] = newValue } }
    }

    /// The value under `key` as a plain Swift value, or nil when it is missing or of
    /// another type. Setting a value stores it; setting nil removes the key.
    ///
    /// ```swift
    /// session["username"] = name                         // name: String
    /// let username: String? = session["username"]
    /// ```
    public subscript<Value: SessionValueConvertible>(key: String) -> Value? {
        get { self[key].flatMap(Value.init(sessionValue:)) }
        set { self[key] = newValue?.sessionValue }
    }

    /// The value under `key` as one of your `Decodable` types, or nil when it is
    /// missing or of another shape.
    ///
    /// ```swift
    /// let cart = session["cart", as: Cart.self] ?? Cart()
    /// ```
    public subscript<Value: Decodable>(key: String, as type: Value.Type) -> Value? {
        try? self[key]?.decode(as: type)
    }

    /// Stores any `Encodable` value under `key`.
    public func set(_ key: String, _ value: some Encodable) throws {
        let converted = try SessionValue(encoding: value)
        write { $0[key] = converted }
    }

    /// Removes `key` and returns what it held (Flask's `session.pop(key, None)`); popping
    /// a missing key leaves the session unmodified, as in Flask.
    @discardableResult
    public func pop(_ key: String) -> SessionValue? {
        write(modifies: { $0 != nil }) { $0.removeValue(forKey: key) } ?? nil
    }

    /// Whether `key` is stored (Flask's `key in session`).
    public func contains(_ key: String) -> Bool {
        read { $0[key] != nil }
    }

    /// Removes every key.
    public func clear() {
        write { $0.removeAll() }
    }

    /// The keys, in the order they were stored.
    public var keys: [String] { read { Array($0.keys) } }
    /// A copy of the whole session, in the order keys were stored.
    public var values: OrderedDictionary<String, SessionValue> { read { $0 } }
    public var isEmpty: Bool { read { $0.isEmpty } }
    public var count: Int { read { $0.count } }

    /// Whether the cookie outlives the browser session: it then expires after
    /// `PERMANENT_SESSION_LIFETIME` (31 days). Stored under `_permanent`, as Flask stores it.
    public var permanent: Bool {
        get { self["_permanent"]?.bool ?? false }
        set { self["_permanent"] = .bool(newValue) }
    }

    /// Whether the session changed in this request, so that its cookie is written.
    /// Every change sets it; set it yourself to write the cookie anyway.
    public var modified: Bool {
        get { state.withLock { $0.modified } }
        set { state.withLock { $0.modified = newValue } }
    }

    /// Whether the request used the session at all, which adds `Vary: Cookie` to the response.
    public var accessed: Bool { state.withLock { $0.accessed } }

    private func read<Result>(_ body: (OrderedDictionary<String, SessionValue>) -> Result) -> Result {
        let request = self.request
        return state.withLock { state in
            state.accessed = true
            return body(loadedValues(&state, request))
        }
    }

    /// Changes the values; `modifies` tells from the result whether the change counts.
    private func write<Result>(
        modifies: (Result) -> Bool = { _ in true }, _ body: (inout OrderedDictionary<String, SessionValue>) -> Result
    ) -> Result? {
        let request = self.request
        return state.withLock { state in
            state.accessed = true
            // Flask's null session refuses every change; the request fails once the handler returns.
            guard store != nil else {
                state.writtenWithoutSecretKey = true
                return nil
            }
            var values = loadedValues(&state, request)
            state.values = nil  // keeps the dictionary uniquely referenced while it changes
            let result = body(&values)
            state.values = values
            if modifies(result) { state.modified = true }
            return result
        }
    }

    private func loadedValues(_ state: inout State, _ request: Request) -> OrderedDictionary<String, SessionValue> {
        if let values = state.values { return values }
        let values = store?.open(request) ?? [:]
        state.values = values
        return values
    }

    // MARK: Saving

    /// What the store needs to write the cookie back.
    struct Outcome {
        var accessed: Bool
        var modified: Bool
        var values: OrderedDictionary<String, SessionValue>
    }

    func outcome() -> Outcome {
        let request = self.request
        return state.withLock { state in
            Outcome(accessed: state.accessed, modified: state.modified, values: loadedValues(&state, request))
        }
    }

    /// Whether the handler used the session at all.
    var wasUsed: Bool { state.withLock { $0.accessed || $0.modified } }

    /// The flashed messages of this request: `take` runs on the first call only.
    func takeFlashes(_ take: (Session) -> [SessionValue]) -> [SessionValue] {
        if let taken = state.withLock({ $0.takenFlashes }) { return taken }
        let taken = take(self)
        return state.withLock { state in
            if state.takenFlashes == nil { state.takenFlashes = taken }
            return state.takenFlashes!
        }
    }

    /// Throws Flask's explanation when the request tried to change a session without a secret key.
    func checkWritesWereAllowed() throws(SessionUnavailableError) {
        if state.withLock({ $0.writtenWithoutSecretKey }) { throw SessionUnavailableError() }
    }
}

/// The session was changed, but the app has no secret key to sign it with.
public struct SessionUnavailableError: Error, CustomStringConvertible {
    public var description: String {
        "The session is unavailable because no secret key was set.  Set the secret_key on the application to something unique and secret."
    }
}

/// The session of the request being handled (Flask's `session`).
public var session: Session { RequestContext.required("session").session }
