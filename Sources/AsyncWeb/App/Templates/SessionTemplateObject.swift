import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `session` in templates: Flask's session proxy, read lazily so that a
/// template that never looks at it leaves the session unaccessed (no `Vary: Cookie`).
final class SessionTemplateObject: TemplateObject {
    private let session: Session

    init(_ session: Session) {
        self.session = session
    }

    func attribute(_ name: String) -> TemplateValue? {
        switch name {
        case "get":
            .callable(TemplateCallable(name: "get") { [session] arguments in
                let bound = try arguments.bind("get", ["key", "default"])
                return session[try bound[0]?.text() ?? ""].map(TemplateValue.init) ?? bound[1] ?? .none
            })
        case "keys": method("keys") { $0.keys.map(TemplateValue.string) }
        case "values": method("values") { $0.values.values.map(TemplateValue.init) }
        case "items": method("items") { $0.values.map { .tuple([.string($0.key), TemplateValue($0.value)]) } }
        case "permanent": .bool(session.permanent)
        // Jinja falls back to the item when there is no attribute of that name.
        default: session[name].map(TemplateValue.init)
        }
    }

    private func method(_ name: String, _ body: @escaping @Sendable (Session) -> [TemplateValue]) -> TemplateValue {
        .callable(TemplateCallable(name: name) { [session] _ in .list(body(session)) })
    }

    func item(_ key: TemplateValue) -> TemplateValue? {
        guard case .string(let name) = key else { return nil }
        return session[name].map(TemplateValue.init)
    }

    var elements: [TemplateValue]? { session.keys.map(TemplateValue.string) }
    var typeDescription: String { "SecureCookieSession object" }
    var printed: String { "<SecureCookieSession \(TemplateValue.dictionary(dictionary).repr)>" }

    private var dictionary: TemplateDictionary {
        TemplateDictionary(uniqueKeysWithValues: session.values.map { (TemplateValue.string($0.key), TemplateValue($0.value)) })
    }
}

extension TemplateValue {
    /// A session value as Flask hands it to Jinja. JSON-shaped values go through
    /// ``SessionValue/jsonValue``; the cases below are what Flask's tagged serializer
    /// restores as Python objects JSON has no form for, and templates see those objects:
    /// Markup stays Markup (printed unescaped), a tuple stays a tuple, and bytes, UUIDs
    /// and dates print as Python's `str` does, not as their Codable JSON form.
    /// Containers convert member by member, since a member may be one of these.
    init(_ value: SessionValue) {
        switch value {
        case .markup(let markup): self = .markup(markup)
        case .tuple(let elements): self = .tuple(elements.map(TemplateValue.init))
        case .bytes(let bytes): self = .string(Self.pythonBytesRepr(bytes))
        case .uuid(let uuid): self = .string(uuid.uuidString.lowercased())
        case .date(let date): self = .string(Self.pythonUTCDateTime(date))
        case .list(let elements): self = .list(elements.map(TemplateValue.init))
        case .dictionary(let members):
            self = .dictionary(TemplateDictionary(uniqueKeysWithValues: members.map { (.string($0.key), TemplateValue($0.value)) }))
        case .none, .bool, .int, .largeInteger, .double, .string: self.init(value.jsonValue)
        }
    }

    /// `str(b"…")`: `b'…'` with non-printable bytes escaped.
    private static func pythonBytesRepr(_ bytes: [UInt8]) -> String {
        let quote: UInt8 = bytes.contains(UInt8(ascii: "'")) && !bytes.contains(UInt8(ascii: "\"")) ? UInt8(ascii: "\"") : UInt8(ascii: "'")
        var text = "b" + String(UnicodeScalar(quote))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"): text += "\\\\"
            case quote: text += "\\" + String(UnicodeScalar(byte))
            case 0x09: text += "\\t"
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x20..<0x7F: text.unicodeScalars.append(UnicodeScalar(byte))
            default: text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return text + String(UnicodeScalar(quote))
    }

    /// `str(datetime)` of an aware UTC datetime: `2023-11-14 22:13:20+00:00`.
    private static func pythonUTCDateTime(_ date: Date) -> String {
        var seconds = HTTPDate.wholeSeconds(date)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))+00:00"
    }
}
