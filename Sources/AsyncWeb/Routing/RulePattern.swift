/// A rule's pattern split into slashes, literal text and placeholders, read
/// as Werkzeug's `_part_re` reads it: `/user/<int:id>`, `/<lang>/about`,
/// `/<string(length=2):code>`.
///
/// ```swift
/// let pattern = try RulePattern("/page/<int:n>.html")
/// // [.slash, .text("page"), .slash, .placeholder(n, int), .text(".html")]
/// ```
struct RulePattern: Sendable {
    enum Token: Sendable, Equatable {
        case slash
        case text(String)
        case placeholder(name: String, converter: String, arguments: String?)
    }

    let tokens: [Token]

    init(_ pattern: String) throws(RulePatternError) {
        guard pattern.unicodeScalars.first == "/" else {
            throw RulePatternError(pattern: pattern, reason: "a rule must start with a slash")
        }
        // Werkzeug's `merge_slashes` merges runs of `/` before compiling.
        let scalars = Self.mergingSlashes(Array(pattern.unicodeScalars))
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "/":
                tokens.append(.slash)
                index += 1
            case "<":
                guard let (token, end) = Self.placeholder(in: scalars, at: index) else {
                    let rest = String(String.UnicodeScalarView(scalars[index...]))
                    throw RulePatternError(
                        pattern: pattern,
                        reason: "malformed placeholder at \"\(rest)\"; write <name>, <converter:name> "
                            + "or <converter(arguments):name>, with names made of letters, digits and _"
                    )
                }
                tokens.append(token)
                index = end
            default:
                let start = index
                while index < scalars.count, scalars[index] != "/", scalars[index] != "<" {
                    index += 1
                }
                tokens.append(.text(String(String.UnicodeScalarView(scalars[start..<index]))))
            }
        }
        self.tokens = tokens
    }

    private static func mergingSlashes(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var merged: [Unicode.Scalar] = []
        merged.reserveCapacity(scalars.count)
        for scalar in scalars where !(scalar == "/" && merged.last == "/") {
            merged.append(scalar)
        }
        return merged
    }

    /// `<name>`, `<converter:name>` or `<converter(arguments):name>` starting
    /// at `start`, and the index after its `>`; nil when malformed.
    private static func placeholder(in scalars: [Unicode.Scalar], at start: Int) -> (Token, Int)? {
        guard let firstEnd = identifierEnd(in: scalars, from: start + 1), firstEnd < scalars.count else {
            return nil
        }
        let first = String(String.UnicodeScalarView(scalars[(start + 1)..<firstEnd]))
        switch scalars[firstEnd] {
        case ">":
            return (.placeholder(name: first, converter: "default", arguments: nil), firstEnd + 1)
        case ":":
            guard let (name, end) = nameAndClose(in: scalars, from: firstEnd + 1) else { return nil }
            return (.placeholder(name: name, converter: first, arguments: nil), end)
        case "(":
            // The arguments end at the first `)` followed by `:name>`, and
            // like the regex's `.*?` they don't cross a line feed.
            var close = firstEnd + 1
            while close < scalars.count, scalars[close] != "\n" {
                if scalars[close] == ")", close + 1 < scalars.count, scalars[close + 1] == ":",
                    let (name, end) = nameAndClose(in: scalars, from: close + 2)
                {
                    let arguments = String(String.UnicodeScalarView(scalars[(firstEnd + 1)..<close]))
                    return (.placeholder(name: name, converter: first, arguments: arguments), end)
                }
                close += 1
            }
            return nil
        default:
            return nil
        }
    }

    /// `name>` starting at `start`: the name and the index after `>`.
    private static func nameAndClose(in scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        guard let end = identifierEnd(in: scalars, from: start), end < scalars.count, scalars[end] == ">" else {
            return nil
        }
        return (String(String.UnicodeScalarView(scalars[start..<end])), end + 1)
    }

    /// The end of `[a-zA-Z_][a-zA-Z0-9_]*` starting at `start`, or nil.
    private static func identifierEnd(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
        }
        guard start < scalars.count, isLetter(scalars[start]) else { return nil }
        var end = start + 1
        while end < scalars.count, isLetter(scalars[end]) || ("0"..."9").contains(scalars[end]) {
            end += 1
        }
        return end
    }
}
