import FoundationEssentials

/// `<uuid:name>`: a UUID in its 8-4-4-4-12 hexadecimal form, in either case,
/// as a Foundation `UUID`. Werkzeug's `UUIDConverter`.
///
/// ```swift
/// try map.add("/object/<uuid:id>", endpoint: "object")
/// ```
struct UUIDConverter: RouteConverter {
    init(arguments: ConverterArguments) throws(RulePatternError) {
        _ = try arguments.bind([])
    }

    var patternIdentity: String {
        "[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}"
    }

    func accepts(_ text: Substring) -> Bool {
        var count = 0
        for scalar in text.unicodeScalars {
            switch count {
            case 8, 13, 18, 23:
                guard scalar == "-" else { return false }
            default:
                guard scalar.properties.isASCIIHexDigit else { return false }
            }
            count += 1
            if count > 36 { return false }
        }
        return count == 36
    }

    func prefixEnds(in text: Substring) -> [Substring.Index] {
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: 36, limitedBy: scalars.endIndex),
            accepts(Substring(scalars[..<end]))
        else { return [] }
        return [end]
    }

    func value(from text: Substring) -> RouteValue? {
        UUID(uuidString: String(text)).map(RouteValue.uuid)
    }

    func urlText(for value: String) throws(InvalidRouteValue) -> String {
        // Werkzeug writes `str(value)` as it is, without quoting.
        value
    }
}
