/// `<path:name>`: like `string` but also matches `/`, so it can take the
/// rest of a path, or the middle of one. Werkzeug's `PathConverter`, regex
/// `[^/].*?`, weight 200 so that every other converter is tried first.
///
/// ```swift
/// try map.add("/wiki/<path:page>/edit", endpoint: "edit")
/// // "/wiki/guides/setup/edit" → page "guides/setup"
/// ```
struct PathConverter: RouteConverter {
    init(arguments: ConverterArguments) throws(RulePatternError) {
        _ = try arguments.bind([])
    }

    var weight: Int { 200 }

    var matchesSlashes: Bool { true }

    var patternIdentity: String { "[^/].*?" }

    func accepts(_ text: Substring) -> Bool {
        // Python's `.` stops at a line feed; the leading `[^/]` does not.
        guard let first = text.unicodeScalars.first, first != "/" else { return false }
        return !text.unicodeScalars.dropFirst().contains("\n")
    }

    func prefixEnds(in text: Substring) -> [Substring.Index] {
        // Lazy: the shortest match first, growing one scalar at a time.
        let scalars = text.unicodeScalars
        guard let first = scalars.first, first != "/" else { return [] }
        var ends: [Substring.Index] = []
        var index = scalars.index(after: scalars.startIndex)
        ends.append(index)
        while index < scalars.endIndex, scalars[index] != "\n" {
            index = scalars.index(after: index)
            ends.append(index)
        }
        return ends
    }

    func value(from text: Substring) -> RouteValue? {
        .path(String(text))
    }
}
