import Synchronization

/// The cookies a ``TestClient`` has been given, sent back with each request as a browser would.
///
/// Values are kept as the server wrote them (quotes and escapes included), which is also how
/// a browser sends them back.
public final class CookieJar: Sendable {
    private let cookies = Mutex<[(name: String, value: String)]>([])

    public init() {}

    /// The raw value of a cookie.
    public subscript(name: String) -> String? {
        cookies.withLock { $0.first { $0.name == name }?.value }
    }

    /// Sets a cookie as if the server had.
    public func set(_ name: String, _ value: String) {
        cookies.withLock { jar in
            jar.removeAll { $0.name == name }
            jar.append((name: name, value: value))
        }
    }

    /// Forgets every cookie.
    public func clear() {
        cookies.withLock { $0.removeAll() }
    }

    /// The `Cookie` field for the next request, or nil when the jar is empty.
    var header: String? {
        let pairs = cookies.withLock { $0.map { "\($0.name)=\($0.value)" } }
        return pairs.isEmpty ? nil : pairs.joined(separator: "; ")
    }

    /// Takes in one `Set-Cookie` field: stores the cookie, or drops it when it is expired.
    func receive(setCookie field: String) {
        let attributes = field.split(separator: ";").map { $0.trimmingCharacters(in: " ") }
        guard let first = attributes.first, let equals = first.firstIndex(of: "=") else { return }
        let name = String(first[..<equals])
        let value = String(first[first.index(after: equals)...])
        let expired = attributes.dropFirst().contains { attribute in
            attribute.lowercased() == "max-age=0" || attribute.hasPrefix("Expires=Thu, 01 Jan 1970")
        }
        if expired {
            cookies.withLock { $0.removeAll { $0.name == name } }
        } else {
            set(name, value)
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
