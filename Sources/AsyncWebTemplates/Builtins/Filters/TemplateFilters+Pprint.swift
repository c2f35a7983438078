internal import AsyncWebEncoding

/// `pprint`: Python's `pprint.pformat(value)`, the `repr` of the value with
/// dictionaries sorted by key, split over lines of at most 80 columns where
/// a list, tuple, dictionary or string does not fit on one.
///
/// ```
/// {{ {"b": 1, "a": [2, 3]}|pprint }}    {'a': [2, 3], 'b': 1}
/// ```
extension TemplateFilters {
    static func pprint(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doPprintSignature.bind(arguments)
        var printer = PrettyPrinter()
        printer.format(value, indent: 0, allowance: 0, level: 0)
        return .string(printer.output)
    }
}

/// Python's `pprint.PrettyPrinter` with its defaults: width 80, indent 1,
/// sorted dictionaries, not compact.
private struct PrettyPrinter {
    private let width = 80
    var output = ""

    mutating func format(_ value: TemplateValue, indent: Int, allowance: Int, level: Int) {
        let rep = Self.safeRepr(value)
        guard rep.unicodeScalars.count > width - indent - allowance else {
            output += rep
            return
        }
        switch value {
        case .dictionary(let members):
            output += "{"
            if !members.isEmpty {
                formatMembers(Self.sortedMembers(members), indent: indent + 1, allowance: allowance + 1, level: level + 1)
            }
            output += "}"
        case .list(let elements):
            output += "["
            formatElements(elements, indent: indent + 1, allowance: allowance + 1, level: level + 1)
            output += "]"
        case .tuple(let elements):
            let end = elements.count == 1 ? ",)" : ")"
            output += "("
            formatElements(elements, indent: indent + 1, allowance: allowance + end.count, level: level + 1)
            output += end
        case .string(let text) where !text.isEmpty:
            formatString(text, indent: indent, allowance: allowance, level: level + 1)
        default:
            output += rep
        }
    }

    private mutating func formatMembers(_ members: [(key: TemplateValue, value: TemplateValue)], indent: Int, allowance: Int, level: Int) {
        for (offset, member) in members.enumerated() {
            let last = offset == members.count - 1
            let keyRep = Self.safeRepr(member.key)
            output += keyRep + ": "
            format(member.value, indent: indent + keyRep.unicodeScalars.count + 2, allowance: last ? allowance : 1, level: level)
            if !last { output += ",\n" + String(repeating: " ", count: indent) }
        }
    }

    private mutating func formatElements(_ elements: [TemplateValue], indent: Int, allowance: Int, level: Int) {
        for (offset, element) in elements.enumerated() {
            let last = offset == elements.count - 1
            if offset > 0 { output += ",\n" + String(repeating: " ", count: indent) }
            format(element, indent: indent, allowance: last ? allowance : 1, level: level)
        }
    }

    /// A long string as adjacent literals, split after whitespace and at
    /// line ends, in parentheses at the top level.
    private mutating func formatString(_ text: String, indent: Int, allowance: Int, level: Int) {
        let indent = level == 1 ? indent + 1 : indent
        let allowance = level == 1 ? allowance + 1 : allowance
        var chunks: [String] = []
        let lines = PythonString.splitLines(Array(text.unicodeScalars), keepEnds: true)
        for (lineIndex, line) in lines.enumerated() {
            let isLastLine = lineIndex == lines.count - 1
            let rep = PythonText.repr(line)
            if rep.unicodeScalars.count <= width - indent - (isLastLine ? allowance : 0) {
                chunks.append(rep)
                continue
            }
            let parts = Self.wordsWithTrailingSpace(line)
            var current = ""
            for (partIndex, part) in parts.enumerated() {
                let candidate = current + part
                let limit = width - indent - (isLastLine && partIndex == parts.count - 1 ? allowance : 0)
                if PythonText.repr(candidate).unicodeScalars.count > limit {
                    if !current.isEmpty { chunks.append(PythonText.repr(current)) }
                    current = part
                } else {
                    current = candidate
                }
            }
            if !current.isEmpty { chunks.append(PythonText.repr(current)) }
        }
        guard chunks.count > 1 else {
            output += PythonText.repr(lines.last ?? text)
            return
        }
        if level == 1 { output += "(" }
        output += chunks.joined(separator: "\n" + String(repeating: " ", count: indent))
        if level == 1 { output += ")" }
    }

    /// The one-line `repr`, with dictionaries sorted at every depth.
    static func safeRepr(_ value: TemplateValue) -> String {
        switch value {
        case .dictionary(let members):
            return "{" + sortedMembers(members).map { "\(safeRepr($0.key)): \(safeRepr($0.value))" }.joined(separator: ", ") + "}"
        case .list(let elements):
            return "[" + elements.map(safeRepr).joined(separator: ", ") + "]"
        case .tuple(let elements):
            if elements.count == 1 { return "(\(safeRepr(elements[0])),)" }
            return "(" + elements.map(safeRepr).joined(separator: ", ") + ")"
        default:
            return value.repr
        }
    }

    /// Members by key, where keys Python cannot order fall back to their type names.
    static func sortedMembers(_ members: TemplateDictionary) -> [(key: TemplateValue, value: TemplateValue)] {
        let typeOrder = { (value: TemplateValue) in "<class '\(value.typeName)'>" }
        return TemplateFilters.stableSorted(Array(members)) { lhs, rhs in
            guard let less = try? TemplateValue.isLess(lhs.key, rhs.key) else {
                return typeOrder(lhs.key).unicodeScalars.lexicographicallyPrecedes(typeOrder(rhs.key).unicodeScalars)
            }
            return less
        }
    }

    /// `re.findall(r'\S*\s*', line)` without its final empty match.
    private static func wordsWithTrailingSpace(_ line: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inSpace = false
        for scalar in line.unicodeScalars {
            let isSpace = PythonString.isSpace(scalar)
            if !isSpace && inSpace {
                parts.append(current)
                current = ""
            }
            inSpace = isSpace
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}

/// The Python signatures of the filters above, made once rather than per call.
extension TemplateFilters {
    static let doPprintSignature = FilterSignature("do_pprint", implicit: ["value"])
}
