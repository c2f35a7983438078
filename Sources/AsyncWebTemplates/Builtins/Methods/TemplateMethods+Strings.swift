internal import AsyncWebEncoding

/// The methods of `str` that transform or classify text: case, padding,
/// stripping, joining, formatting and the `is…()` predicates.
///
/// On a ``Markup`` receiver they behave as MarkupSafe's overrides do: text
/// results are ``Markup``, and text the method adds (`replace`'s new text,
/// a fill character, `join`'s items, `format`'s fields) is escaped first.
extension TemplateMethods {
    static let stringMethods = Set<String>(["strip", "lstrip", "rstrip", "center", "ljust", "rjust", "zfill",
                                            "expandtabs", "join", "format", "format_map"])
        .union(caseMappings.keys).union(textPredicates.keys).union(stringSearchMethods)

    /// The methods that map text to text without arguments.
    private static let caseMappings: [String: @Sendable (String) -> String] = [
        "upper": PythonCase.upper, "lower": PythonCase.lower, "title": PythonCase.title,
        "capitalize": PythonCase.capitalize, "swapcase": PythonCase.swapcase, "casefold": PythonCase.casefold,
    ]

    /// The `is…()` methods, which take no arguments.
    private static let textPredicates: [String: @Sendable (String) -> Bool] = [
        "isdigit": { PythonString.all($0, PythonString.isDigit) },
        "isalpha": { PythonString.all($0, PythonString.isAlpha) },
        "isalnum": { PythonString.all($0, PythonString.isAlphanumeric) },
        "isspace": { PythonString.all($0, PythonString.isSpace) },
        "isnumeric": { PythonString.all($0, PythonString.isNumeric) },
        "isdecimal": { PythonString.all($0, PythonString.isDecimal) },
        "isascii": { $0.unicodeScalars.allSatisfy(\.isASCII) },
        "isupper": PythonCase.isUpper,
        "islower": PythonCase.isLower,
        "istitle": PythonCase.isTitle,
        "isidentifier": PythonString.isIdentifier,
    ]

    /// Methods only ``Markup`` has.
    static let markupMethods: Set<String> = ["striptags", "unescape"]

    /// `text.name(arguments)`, or nil when `str` has no such method.
    static func callString(
        _ name: String, on text: String, isMarkup: Bool, _ arguments: TemplateCallArguments, state: TemplateRenderState
    ) throws -> TemplateValue? {
        func bound(
            _ parameters: [String] = [], required: Int = 0, keywords: Bool = false,
            counted: TemplateMethodArguments.CountMessage = .classic
        ) throws -> TemplateMethodArguments {
            try TemplateMethodArguments("str", name, arguments, parameters, required: required, keywords: keywords, counted: counted)
        }
        let wrap: (String) -> TemplateValue = { isMarkup ? .markup(Markup($0)) : .string($0) }
        if let mapping = caseMappings[name] {
            _ = try bound()
            return wrap(mapping(text))
        }
        if let predicate = textPredicates[name] {
            _ = try bound()
            return .bool(predicate(text))
        }
        switch name {
        case "strip", "lstrip", "rstrip":
            let characters = try bound(["chars"], counted: .clinic)[0].flatMap { value -> [Unicode.Scalar]? in
                if case .none = value { return nil }
                guard let characters = value.stringValue else { throw TemplateError(.type, "\(name) arg must be None or str") }
                return Array(characters.unicodeScalars)
            }
            return wrap(PythonString.strip(Array(text.unicodeScalars), characters,
                                           leading: name != "rstrip", trailing: name != "lstrip"))
        case "center", "ljust", "rjust":
            let parameters = try bound(["width", "fillchar"], required: 1, counted: .clinic)
            let alignment: PythonFormatSpec.Alignment = name == "center" ? .center : name == "ljust" ? .left : .right
            return wrap(try PythonString.justify(text, width: try parameters.int(0)!,
                                             fill: try parameters.fill(1, escapes: isMarkup), alignment: alignment))
        case "zfill":
            let width = try bound(["width"], required: 1, counted: .exactlyOne).int(0)!
            if width > text.unicodeScalars.count { try TemplateSizeLimit.check(width) }
            return wrap(PythonText.zeroFilled(text, width: width))
        case "expandtabs":
            return wrap(try PythonString.expandTabs(text, size: try bound(["tabsize"], keywords: true).int(0) ?? 8))
        case "join":
            return wrap(try join(try bound(["iterable"], required: 1, counted: .exactlyOne)[0]!, separator: text, escapes: isMarkup))
        case "format":
            let keyword = TemplateDictionary(arguments.keyword.map { (.string($0.name), $0.value) },
                                             uniquingKeysWith: { _, last in last })
            return wrap(try PythonStringFormat.format(text, positional: arguments.positional, keyword: .dictionary(keyword),
                                                      escapes: isMarkup, state: state))
        case "format_map":
            let mapping = try bound(["mapping"], required: 1, counted: .exactlyOne)[0]!
            return wrap(try PythonStringFormat.format(text, positional: nil, keyword: mapping, escapes: isMarkup, state: state))
        case "striptags" where isMarkup:
            _ = try TemplateMethodArguments("Markup", name, arguments)
            return .string(Markup(text).striptags())
        case "unescape" where isMarkup:
            _ = try TemplateMethodArguments("Markup", name, arguments)
            return .string(Markup(text).unescape())
        default:
            return try callStringSearch(name, on: text, isMarkup: isMarkup, arguments)
        }
    }

    /// `separator.join(iterable)`: Python wants text items; MarkupSafe escapes any item instead.
    private static func join(_ iterable: TemplateValue, separator: String, escapes: Bool) throws -> String {
        let items: [TemplateValue]
        do {
            items = try iterable.elements()
        } catch let error as TemplateError where error.kind == .type {
            throw TemplateError(.type, "can only join an iterable")
        }
        var pieces: [String] = []
        pieces.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            if escapes {
                if case .markup(let markup) = item {
                    pieces.append(markup.html)
                } else {
                    pieces.append(escape(try item.text()).html)
                }
            } else if let text = item.stringValue {
                pieces.append(text)
            } else {
                throw TemplateError(.type, "sequence item \(index): expected str instance, \(item.typeName) found")
            }
        }
        return pieces.joined(separator: separator)
    }
}
