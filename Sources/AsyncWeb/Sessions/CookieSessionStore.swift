import FoundationEssentials
import OrderedCollections

/// Flask's `SecureCookieSessionInterface`: the session is the whole cookie,
/// tagged JSON, compressed when that is shorter, signed with the secret key and
/// timestamped. Its settings are read once from the frozen config.
struct CookieSessionStore: Sendable {
    private let signer: TimestampSigner
    /// `SESSION_COOKIE_NAME`.
    private let cookieName: String
    /// `PERMANENT_SESSION_LIFETIME`: how long a permanent cookie lives, and the
    /// oldest signature accepted for any session.
    private let lifetime: Int
    /// `SESSION_REFRESH_EACH_REQUEST`: a permanent session's cookie is sent again with every response.
    private let refreshEachRequest: Bool
    private let attributes: CookieAttributes

    /// The `SESSION_COOKIE_*` attributes, with Flask's defaults.
    private struct CookieAttributes {
        var domain: String?
        var path: String
        var secure: Bool
        var httpOnly: Bool
        var sameSite: SameSite?
        var partitioned: Bool
    }

    /// Nil when the config has no `SECRET_KEY`, as Flask then has no session.
    init?(config: Config) {
        guard let secretKey = config.secretKey, !secretKey.isEmpty else { return nil }
        // Signing uses the newest key; the fallbacks only verify old cookies.
        let fallbacks = config["SECRET_KEY_FALLBACKS"]?.array?.compactMap(\.string) ?? []
        signer = TimestampSigner(secretKeys: [secretKey] + fallbacks.reversed(), salt: "cookie-session")
        cookieName = config["SESSION_COOKIE_NAME"]?.string ?? "session"
        lifetime = config["PERMANENT_SESSION_LIFETIME"]?.int ?? 31 * 24 * 3600
        refreshEachRequest = config["SESSION_REFRESH_EACH_REQUEST"]?.bool ?? true
        let path = config["SESSION_COOKIE_PATH"]?.string ?? ""
        attributes = CookieAttributes(
            domain: config["SESSION_COOKIE_DOMAIN"]?.string,
            path: path.isEmpty ? config.applicationRoot : path,
            secure: config["SESSION_COOKIE_SECURE"]?.bool ?? false,
            httpOnly: config["SESSION_COOKIE_HTTPONLY"]?.bool ?? true,
            sameSite: (config["SESSION_COOKIE_SAMESITE"]?.string).flatMap(SameSite.init(caseInsensitive:)),
            partitioned: config["SESSION_COOKIE_PARTITIONED"]?.bool ?? false)
    }

    func hasCookie(_ request: Request) -> Bool {
        guard let value = request.cookies[cookieName] else { return false }
        return !value.isEmpty
    }

    /// The session the request's cookie holds; empty when there is none, or when
    /// it is tampered with, expired, dated in the future, signed with another key
    /// or not a session at all.
    func open(_ request: Request) -> OrderedDictionary<String, SessionValue> {
        guard let cookie = request.cookies[cookieName], !cookie.isEmpty,
            let verified = signer.verify(cookie, maxAge: lifetime, now: Self.now()),
            let json = SessionPayload.decode(verified.payload),
            let values = TaggedJSON.deserialize(json)
        else { return [:] }
        return values
    }

    /// The cookie value Flask would write for `values` at `timestamp`.
    func cookieValue(_ values: OrderedDictionary<String, SessionValue>, timestamp: Int) -> String {
        signer.sign(SessionPayload.encode(Array(TaggedJSON.serialize(values).utf8)), timestamp: timestamp)
    }

    /// Flask's `save_session`: `Vary: Cookie` when the session was used, the
    /// cookie deleted when the session was emptied, and written when it changed
    /// or is permanent and refreshed on each request.
    func save(_ session: Session, to response: inout Response) {
        // Reading the cookie only for a permanent session's refresh keeps requests that
        // never touch the session from paying for it.
        guard session.wasUsed || (refreshEachRequest && hasCookie(session.request)) else { return }
        let outcome = session.outcome()
        if outcome.accessed { response.addVary("Cookie") }
        guard !outcome.values.isEmpty else {
            if outcome.modified {
                response.deleteCookie(
                    cookieName, path: attributes.path, domain: attributes.domain, secure: attributes.secure,
                    httpOnly: attributes.httpOnly, sameSite: attributes.sameSite, partitioned: attributes.partitioned)
                response.addVary("Cookie")
            }
            return
        }
        let permanent = outcome.values["_permanent"]?.bool ?? false
        guard outcome.modified || (permanent && refreshEachRequest) else { return }
        let now = Self.now()
        response.setCookie(
            cookieName, cookieValue(outcome.values, timestamp: now),
            expires: permanent ? Date(timeIntervalSince1970: TimeInterval(now) + TimeInterval(lifetime)) : nil, path: attributes.path,
            domain: attributes.domain, secure: attributes.secure, httpOnly: attributes.httpOnly, sameSite: attributes.sameSite,
            partitioned: attributes.partitioned)
        response.addVary("Cookie")
    }

    private static func now() -> Int {
        Int(Date().timeIntervalSince1970)
    }
}

extension SameSite {
    /// Werkzeug title-cases the configured value: `lax` is `Lax`.
    init?(caseInsensitive text: String) {
        self.init(rawValue: text.prefix(1).uppercased() + text.dropFirst().lowercased())
    }
}
