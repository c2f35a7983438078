/// `urlize`: links in text become `<a>` tags, as Jinja's `utils.urlize`
/// finds them: `http(s)://` and `www.` addresses, bare domains with a
/// common top-level domain, e-mail addresses and any extra schemes given.
extension TemplateFilters {
    static func urlize(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doUrlizeSignature.bind(arguments)
        let trimLimit = try bound.optional(0).map(index)
        var relParts = Set(try bound.optional(3).map { try $0.text() }?.split(whereSeparator: \.isWerkzeugWhitespace).map(String.init) ?? [])
        if try bound.flag(1, default: false) { relParts.insert("nofollow") }
        // Jinja's default policy `urlize.rel`.
        relParts.insert("noopener")
        let rel = relParts.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.joined(separator: " ")
        let target = try bound.optional(2).flatMap { try $0.truth() ? escape(try $0.text()).html : nil }
        let schemes = try bound.optional(4).map(iterate) ?? []
        let schemeNames = try schemes.map { scheme in
            guard let name = scheme.stringValue else {
                throw TemplateError(.type, "expected string or bytes-like object, got '\(typeName(scheme))'")
            }
            guard UrlizePatterns.scheme.matchesExactly(Array(name.unicodeScalars)) else {
                throw argumentError("\(scheme.repr) is not a valid URI scheme prefix.")
            }
            return name
        }
        let text: String
        if case .markup(let markup) = value { text = markup.html } else { text = escape(try value.text()).html }
        let attributes = (rel.isEmpty ? "" : " rel=\"\(escape(rel).html)\"") + (target.map { " target=\"\($0)\"" } ?? "")
        let linked = splitKeepingWhitespace(text).map { word in
            linkWord(word, attributes: attributes, trimLimit: trimLimit, extraSchemes: schemeNames)
        }.joined()
        return state.autoescape ? .markup(Markup(linked)) : .string(linked)
    }

    /// Python's `re.split(r"(\s+)", text)`: words and the whitespace between them, in order.
    private static func splitKeepingWhitespace(_ text: String) -> [String] {
        var pieces: [String] = [""]
        var inSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = PythonString.isSpace(scalar)
            if isSpace != inSpace {
                pieces.append("")
                inSpace = isSpace
            }
            pieces[pieces.count - 1].unicodeScalars.append(scalar)
        }
        // `re.split` ends on a word, empty if the text ends in whitespace.
        if inSpace { pieces.append("") }
        return pieces
    }

    /// One word with its link, if it is one, between the punctuation around it.
    private static func linkWord(_ word: String, attributes: String, trimLimit: Int?, extraSchemes: [String]) -> String {
        var middle = Array(word.unicodeScalars)
        var head: [Unicode.Scalar] = []
        while let opening = ["(", "<", "&lt;"].first(where: { middle.starts(with: $0.unicodeScalars) }) {
            head += opening.unicodeScalars
            middle.removeFirst(opening.unicodeScalars.count)
        }
        var tail: [Unicode.Scalar] = []
        if let start = trailingPunctuationStart(middle) {
            tail = Array(middle[start...])
            middle.removeSubrange(start...)
        }
        // Take closing brackets back from the punctuation to balance the URL's own.
        for (opening, closing) in [("(", ")"), ("<", ">"), ("&lt;", "&gt;")] {
            let openCount = occurrences(of: opening, in: middle)
            guard openCount > occurrences(of: closing, in: middle) else { continue }
            for _ in 0..<min(openCount, occurrences(of: closing, in: tail)) {
                let end = firstIndex(of: closing, in: tail)! + closing.unicodeScalars.count
                middle += tail[..<end]
                tail.removeFirst(end)
            }
        }
        var link = String(String.UnicodeScalarView(middle))
        let trimmed = { (url: String) -> String in
            guard let trimLimit, url.unicodeScalars.count > trimLimit else { return url }
            return prefix(url, trimLimit) + "..."
        }
        if UrlizePatterns.http.matchesAll(middle) {
            let href = link.hasPrefix("https://") || link.hasPrefix("http://") ? link : "https://" + link
            link = "<a href=\"\(href)\"\(attributes)>\(trimmed(link))</a>"
        } else if link.hasPrefix("mailto:"), UrlizePatterns.email.matchesAll(Array(middle.dropFirst(7))) {
            link = "<a href=\"\(link)\">\(String(String.UnicodeScalarView(middle.dropFirst(7))))</a>"
        } else if link.contains("@"), !link.hasPrefix("www."), !link.hasPrefix("@"), !link.contains(":"),
            UrlizePatterns.email.matchesAll(middle)
        {
            link = "<a href=\"mailto:\(link)\">\(link)</a>"
        } else {
            for scheme in extraSchemes where link != scheme && link.unicodeScalars.starts(with: scheme.unicodeScalars) {
                link = "<a href=\"\(link)\"\(attributes)>\(link)</a>"
            }
        }
        return String(String.UnicodeScalarView(head)) + link + String(String.UnicodeScalarView(tail))
    }

    /// Where the trailing run of `)`, `>`, `.`, `,`, newlines and `&gt;`
    /// starts: the leftmost start from which the rest is all such punctuation.
    private static func trailingPunctuationStart(_ text: [Unicode.Scalar]) -> Int? {
        var isPunctuationFrom = Array(repeating: false, count: text.count + 1)
        isPunctuationFrom[text.count] = true
        for start in stride(from: text.count - 1, through: 0, by: -1) {
            let single = ")>.,\n".unicodeScalars.contains(text[start]) && isPunctuationFrom[start + 1]
            let entity = text[start...].starts(with: "&gt;".unicodeScalars) && isPunctuationFrom[start + 4]
            isPunctuationFrom[start] = single || entity
        }
        return (0..<text.count).first { isPunctuationFrom[$0] }
    }

    /// Python's `text.count(needle)`: non-overlapping occurrences.
    private static func occurrences(of needle: String, in text: [Unicode.Scalar]) -> Int {
        var count = 0
        var rest = text[...]
        while let found = firstIndex(of: needle, in: Array(rest)) {
            count += 1
            rest = rest.dropFirst(found + needle.unicodeScalars.count)
        }
        return count
    }

    private static func firstIndex(of needle: String, in text: [Unicode.Scalar]) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard text.count >= pattern.count else { return nil }
        return (0...(text.count - pattern.count)).first { text[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}

/// Jinja's `_http_re`, `_email_re` and `_uri_scheme_re`.
private enum UrlizePatterns {
    typealias Pattern = TemplateFilters.Pattern

    static let http: Pattern = {
        let scheme = Pattern.sequence([.literal("http", ignoringCase: true), .literal("s", ignoringCase: true).optional, .literal("://")])
        let label = Pattern.anyOf("%-", or: [.word])
        let named = Pattern.sequence([
            .choice([scheme, .literal("www.", ignoringCase: true)]),
            Pattern.sequence([label.repeated(1), .literal(".")]).repeated(0),
            .choice([
                Pattern.letterIgnoringCase.repeated(2, 63),
                .sequence([.literal("xn--", ignoringCase: true), Pattern.anyOf("%", or: [.word]).repeated(2, 59)]),
            ]),
        ])
        let domain = Pattern.sequence([
            Pattern.sequence([label.repeated(2, 63), .literal(".")]).repeated(1),
            .choice(["com", "net", "int", "edu", "gov", "org", "info", "mil"].map { .literal($0, ignoringCase: true) }),
        ])
        let hex = Pattern.anyOf("abcdefABCDEF", or: [.digit])
        let ipv4 = Pattern.sequence([Pattern.digit.repeated(1, 3), Pattern.sequence([.literal("."), Pattern.digit.repeated(1, 3)]).repeated(3, 3)])
        let ipv6 = Pattern.sequence([
            .literal("["),
            Pattern.sequence([hex.repeated(0, 4), .literal(":")]).repeated(2, 2),
            Pattern.sequence([hex.repeated(0, 4), Pattern.literal(":").optional]).repeated(1, 6),
            .literal("]"),
        ])
        let address = Pattern.sequence([scheme, .choice([ipv4, ipv6])])
        return .sequence([
            .choice([named, domain, address]),
            Pattern.sequence([.literal(":"), Pattern.digit.repeated(1, 5)]).optional,
            Pattern.sequence([.anyOf("/?#"), Pattern.notSpace.repeated(0)]).optional,
        ])
    }()

    static let email = Pattern.sequence([
        Pattern.notSpace.repeated(1), .literal("@"), .word, Pattern.anyOf(".-", or: [.word]).repeated(0), .literal("."),
        Pattern.word.repeated(1),
    ])

    static let scheme = Pattern.sequence([Pattern.anyOf(".+-", or: [.word]).repeated(2), .literal(":"), Pattern.literal("/").repeated(0, 2)])
}

/// The Python signatures of the filters above, made once rather than per call.
extension TemplateFilters {
    static let doUrlizeSignature = FilterSignature(
        "do_urlize", implicit: ["eval_ctx", "value"], ["trim_url_limit", "nofollow", "target", "rel", "extra_schemes"]
    )
}
