internal import AsyncWebEncoding

/// The app's config, its secrets masked.
extension DebugErrorPage {
    /// What a secret's value shows as.
    static let mask = "********"

    var configSection: String {
        let rows = setup.config.sorted { $0.key < $1.key }.map { ($0.key, JSONWriter().write(Self.masked($0.value, key: $0.key))) }
        return "<h2>Config</h2>\n" + Self.table(rows, none: "")
    }

    /// Whether a config key names a secret: `SECRET_KEY` and anything named like a key, a
    /// token, a password or a secret (`API_TOKEN`, `DB_PASSWORD`, `stripe_key`).
    static func namesSecret(_ key: String) -> Bool {
        let name = key.uppercased()
        return ["KEY", "TOKEN", "PASSWORD", "SECRET"].contains { name.contains($0) }
    }

    /// `value` with every secret in it masked: under a secret's name, a value other than
    /// None (which tells that it is unset, and nothing else); inside an object, its members'
    /// secrets by their own names (`"DATABASE": {"password": …}`).
    static func masked(_ value: JSONValue, key: String) -> JSONValue {
        if namesSecret(key) { return value.isNull ? value : .string(mask) }
        guard let members = value.object else { return value }
        return .object(members.map { (key: $0.key, value: masked($0.value, key: $0.key)) })
    }
}
