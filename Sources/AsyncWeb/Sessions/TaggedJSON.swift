import FoundationEssentials
import OrderedCollections
internal import AsyncWebEncoding

/// Flask's `TaggedJSONSerializer` (`flask.json.tag`): JSON with the types JSON
/// lacks wrapped in one-key objects, `{" t": [...]}` for a tuple and so on.
/// Session cookies carry their data in it, so both sides read each other's.
enum TaggedJSON {
    /// The tags, in the order Flask's serializer knows them.
    private static let tags: Set<String> = [" di", " t", " b", " m", " u", " d"]

    /// The compact, key-sorted, ASCII-only JSON text Flask writes for a session.
    static func serialize(_ members: OrderedDictionary<String, SessionValue>) -> String {
        JSONWriter.flask.write(tag(.dictionary(members)))
    }

    /// The session a JSON text holds, or nil when it is not a JSON object or a tag
    /// holds the wrong kind of value.
    static func deserialize(_ bytes: [UInt8]) -> OrderedDictionary<String, SessionValue>? {
        guard let parsed = try? JSONReader.parse(bytes), case .dictionary(let members)? = untag(parsed) else { return nil }
        return members
    }

    /// Flask's `tag`: each type checked in the serializer's order.
    static func tag(_ value: SessionValue) -> JSONValue {
        switch value {
        case .none: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .largeInteger(let digits): .largeInteger(digits)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .dictionary(let members):
            // A one-key dictionary whose key is itself a tag is escaped (`" di"`), or it would read back as that tag.
            if members.count == 1, let only = members.elements.first, tags.contains(only.key) {
                tagged(" di", .object([(key: only.key + "__", value: tag(only.value))]))
            } else {
                .object(members.map { (key: $0.key, value: tag($0.value)) })
            }
        case .tuple(let elements): tagged(" t", .array(elements.map(tag)))
        case .list(let elements): .array(elements.map(tag))
        case .bytes(let bytes): tagged(" b", .string(Data(bytes).base64EncodedString()))
        case .markup(let markup): tagged(" m", .string(markup.html))
        case .uuid(let uuid): tagged(" u", .string(uuid.uuidString.lowercased().filter { $0 != "-" }))
        case .date(let date): tagged(" d", .string(String(decoding: DateHeaderCache.format(HTTPDate.wholeSeconds(date)), as: UTF8.self)))
        }
    }

    private static func tagged(_ key: String, _ value: JSONValue) -> JSONValue {
        .object([(key: key, value: value)])
    }

    /// Flask's `_untag_scan`: members first, then the object itself. Nil for a
    /// tag whose value Flask could not read back either.
    static func untag(_ value: JSONValue) -> SessionValue? {
        switch value {
        case .array(let elements):
            var untagged: [SessionValue] = []
            untagged.reserveCapacity(elements.count)
            for element in elements {
                guard let value = untag(element) else { return nil }
                untagged.append(value)
            }
            return .list(untagged)
        case .object(let members):
            var untagged = OrderedDictionary<String, SessionValue>(minimumCapacity: members.count)
            for member in members {
                guard let value = untag(member.value) else { return nil }
                untagged[member.key] = value
            }
            guard untagged.count == 1, let only = untagged.elements.first, tags.contains(only.key) else {
                return .dictionary(untagged)
            }
            return untagTagged(only.key, only.value)
        default:
            return SessionValue(value)
        }
    }

    private static func untagTagged(_ tag: String, _ value: SessionValue) -> SessionValue? {
        switch (tag, value) {
        case (" di", .dictionary(let members)):
            guard members.count == 1, let only = members.elements.first, only.key.hasSuffix("__") else { return nil }
            return .dictionary([String(only.key.dropLast(2)): only.value])
        case (" t", .list(let elements)): return .tuple(elements)
        case (" b", .string(let text)):
            return Data(base64Encoded: text).map { .bytes(Array($0)) }
        case (" m", .string(let text)): return .markup(Markup(text))
        case (" u", .string(let text)): return uuid(text).map(SessionValue.uuid)
        case (" d", .string(let text)):
            return HTTPDate.parse(Substring(text)).map { .date(Date(timeIntervalSince1970: TimeInterval($0))) }
        default: return nil
        }
    }

    /// Python's `UUID(text)`: 32 hex digits, with or without dashes and braces.
    private static func uuid(_ text: String) -> UUID? {
        let hex = text.filter { $0 != "-" && $0 != "{" && $0 != "}" }
        guard hex.count == 32, hex.allSatisfy(\.isHexDigit) else { return nil }
        let chars = Array(hex)
        let dashed = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
        return UUID(uuidString: dashed)
    }
}
