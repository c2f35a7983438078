/// `<name>` or `<string(minlength=2, maxlength=8, length=2):name>`: any text
/// within one segment, that is without `/`, of at least one character by
/// default. Werkzeug's `UnicodeConverter`, regex `[^/]{min,max}`.
///
/// ```swift
/// try map.add("/<string(length=2):lang>/about", endpoint: "about")
/// ```
struct StringConverter: RouteConverter {
    let minimumLength: Int
    let maximumLength: Int?
    let patternIdentity: String

    init(arguments: ConverterArguments) throws(RulePatternError) {
        let parameters = try arguments.bind(["minlength", "maxlength", "length"])
        if let length = try parameters.int("length") {
            guard length >= 0 else { throw RulePatternError("converter 'string' needs length >= 0") }
            minimumLength = length
            maximumLength = length
            patternIdentity = "[^/]{\(length)}"
        } else {
            let minimum = try parameters.int("minlength") ?? 1
            let maximum = try parameters.int("maxlength")
            guard minimum >= 0, maximum.map({ $0 >= minimum }) ?? true else {
                throw RulePatternError("converter 'string' needs 0 <= minlength <= maxlength")
            }
            minimumLength = minimum
            maximumLength = maximum
            patternIdentity = "[^/]{\(minimum),\(maximum.map(String.init) ?? "")}"
        }
    }

    func accepts(_ text: Substring) -> Bool {
        // Counting UTF-8 bytes that start a scalar counts the scalars.
        var count = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "/") { return false }
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        return count >= minimumLength && count <= maximumLength ?? .max
    }

    func prefixEnds(in text: Substring) -> [Substring.Index] {
        // Greedy: the longest run without `/` that the length allows, then shorter.
        var ends: [Substring.Index] = []
        var count = 0
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        if minimumLength == 0 { ends.append(index) }
        while index < scalars.endIndex, scalars[index] != "/", count < maximumLength ?? .max {
            index = scalars.index(after: index)
            count += 1
            if count >= minimumLength { ends.append(index) }
        }
        return ends.reversed()
    }

    func value(from text: Substring) -> RouteValue? {
        .string(String(text))
    }
}
