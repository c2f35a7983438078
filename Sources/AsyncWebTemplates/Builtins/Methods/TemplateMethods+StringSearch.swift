/// The methods of `str` that look for substrings: finding, counting,
/// replacing, prefix tests, splitting and partitioning.
extension TemplateMethods {
    static let stringSearchMethods: Set<String> = [
        "find", "rfind", "index", "rindex", "count", "replace", "startswith", "endswith",
        "removeprefix", "removesuffix", "split", "rsplit", "splitlines", "partition", "rpartition",
    ]

    static func callStringSearch(
        _ name: String, on text: String, isMarkup: Bool, _ arguments: TemplateCallArguments
    ) throws -> TemplateValue? {
        func bound(
            _ parameters: [String], required: Int = 0, keywords: Bool = false,
            counted: TemplateMethodArguments.CountMessage = .classic
        ) throws -> TemplateMethodArguments {
            try TemplateMethodArguments("str", name, arguments, parameters, required: required, keywords: keywords, counted: counted)
        }
        let wrap: (String) -> TemplateValue = { isMarkup ? .markup(Markup($0)) : .string($0) }
        let scalars = Array(text.unicodeScalars)
        switch name {
        case "find", "rfind", "index", "rindex":
            let parameters = try bound(["sub", "start", "end"], required: 1)
            let needle = try parameters.scalars(0)!
            let (start, end) = (try parameters.bound(1), try parameters.bound(2))
            let found = name.hasPrefix("r")
                ? PythonString.rfind(scalars, needle, start: start, end: end)
                : PythonString.find(scalars, needle, start: start, end: end)
            if found < 0, name.hasSuffix("index") { throw TemplateError(.value, "substring not found") }
            return .int(found)
        case "count":
            let parameters = try bound(["sub", "start", "end"], required: 1)
            return .int(PythonString.count(scalars, try parameters.scalars(0)!,
                                           start: try parameters.bound(1), end: try parameters.bound(2)))
        case "replace":
            let parameters = try bound(["old", "new", "count"], required: 2, counted: .clinic)
            let old = try parameters.string(0) { "replace() argument 1 must be str, not \($0)" }!
            var new = try parameters.string(1) { "replace() argument 2 must be str, not \($0)" }!
            if isMarkup { new = escape(new).html }
            return wrap(PythonString.replace(scalars, Array(old.unicodeScalars), with: Array(new.unicodeScalars),
                                             limit: try parameters.int(2) ?? -1))
        case "startswith", "endswith":
            let parameters = try bound(["prefix", "start", "end"], required: 1)
            let (start, end) = (try parameters.bound(1), try parameters.bound(2))
            return .bool(try hasAffix(scalars, parameters[0]!, start: start, end: end, method: name))
        case "removeprefix", "removesuffix":
            let parameters = try bound([name == "removeprefix" ? "prefix" : "suffix"], required: 1, counted: .exactlyOne)
            let affix = Array(try parameters.string(0) { "\(name)() argument must be str, not \($0)" }!.unicodeScalars)
            let atEnd = name == "removesuffix"
            guard !affix.isEmpty, PythonString.hasAffix(scalars, affix, start: nil, end: nil, atEnd: atEnd) else {
                return wrap(text)
            }
            return wrap(PythonString.string(atEnd ? scalars.dropLast(affix.count) : scalars.dropFirst(affix.count)))
        case "split", "rsplit":
            let parameters = try bound(["sep", "maxsplit"], keywords: true)
            let separator = try separator(parameters)
            let limit = try parameters.int(1) ?? -1
            let pieces = name == "split"
                ? PythonString.split(scalars, separator: separator, limit: limit)
                : PythonString.rsplit(scalars, separator: separator, limit: limit)
            return .list(pieces.map(wrap))
        case "splitlines":
            let keepEnds = try bound(["keepends"], keywords: true).int(0).map { $0 != 0 } ?? false
            return .list(PythonString.splitLines(scalars, keepEnds: keepEnds).map(wrap))
        case "partition", "rpartition":
            let separator = try bound(["sep"], required: 1, counted: .exactlyOne).scalars(0)!
            guard !separator.isEmpty else { throw TemplateError(.value, "empty separator") }
            return .tuple(PythonString.partition(scalars, separator, fromEnd: name == "rpartition").map(wrap))
        default:
            return nil
        }
    }

    /// `startswith` and `endswith`, whose first argument is one string or a
    /// tuple of them, checked one by one until one matches.
    private static func hasAffix(
        _ text: [Unicode.Scalar], _ argument: TemplateValue, start: Int?, end: Int?, method: String
    ) throws -> Bool {
        let candidates: [TemplateValue]
        if argument.stringValue != nil {
            candidates = [argument]
        } else if case .tuple(let elements) = argument {
            candidates = elements
        } else {
            throw TemplateError(.type, "\(method) first arg must be str or a tuple of str, not \(argument.typeName)")
        }
        for candidate in candidates {
            guard let affix = candidate.stringValue else {
                throw TemplateError(.type, "tuple for \(method) must only contain str, not \(candidate.typeName)")
            }
            if PythonString.hasAffix(text, Array(affix.unicodeScalars), start: start, end: end, atEnd: method == "endswith") {
                return true
            }
        }
        return false
    }

    /// `split`'s separator: None for whitespace, never empty.
    private static func separator(_ arguments: TemplateMethodArguments) throws -> [Unicode.Scalar]? {
        guard let value = arguments[0] else { return nil }
        if case .none = value { return nil }
        guard let text = value.stringValue else {
            throw TemplateError(.type, "must be str or None, not \(value.typeName)")
        }
        guard !text.isEmpty else { throw TemplateError(.value, "empty separator") }
        return Array(text.unicodeScalars)
    }
}
