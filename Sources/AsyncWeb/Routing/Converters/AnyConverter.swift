internal import AsyncWebEncoding

/// `<any(about, help, "a,b"):page>`: exactly one of the listed items.
/// Werkzeug's `AnyConverter`, regex `(?:about|help|a,b)`.
///
/// Building refuses any other value, with Werkzeug's message
/// ("'x' is not one of 'about', 'help'").
///
/// ```swift
/// try map.add("/<any(about, help):page>", endpoint: "page")
/// ```
struct AnyConverter: RouteConverter {
    let items: [String]

    init(arguments: ConverterArguments) throws(RulePatternError) {
        guard arguments.named.isEmpty else {
            throw RulePatternError("converter 'any' takes its items by position only")
        }
        var items: [String] = []
        for value in arguments.positional {
            guard case .string(let item) = value else {
                throw RulePatternError("converter 'any' needs names or quoted strings, not \(value.pythonLiteral)")
            }
            items.append(item)
        }
        self.items = items
    }

    var patternIdentity: String {
        "(?:" + items.map(PythonText.repr).joined(separator: "|") + ")"
    }

    func accepts(_ text: Substring) -> Bool {
        items.contains { $0.unicodeScalars.elementsEqual(text.unicodeScalars) }
    }

    func prefixEnds(in text: Substring) -> [Substring.Index] {
        // An alternation tries its branches in the order they are written.
        items.compactMap { item in
            var index = text.unicodeScalars.startIndex
            for scalar in item.unicodeScalars {
                guard index < text.unicodeScalars.endIndex, text.unicodeScalars[index] == scalar else { return nil }
                index = text.unicodeScalars.index(after: index)
            }
            return index
        }
    }

    func value(from text: Substring) -> RouteValue? {
        .string(String(text))
    }

    func urlText(for value: String) throws(InvalidRouteValue) -> String {
        if items.contains(where: { $0.unicodeScalars.elementsEqual(value.unicodeScalars) }) {
            return value
        }
        let sorted = items.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        // Werkzeug drops duplicates (the items are a set) and quotes them plainly.
        var seen: Set<[Unicode.Scalar]> = []
        let listed = sorted.filter { seen.insert(Array($0.unicodeScalars)).inserted }.map { "'\($0)'" }
        throw InvalidRouteValue("'\(value)' is not one of \(listed.joined(separator: ", "))")
    }
}
