/// The filters that change text: `upper`, `title`, `replace`, `truncate`,
/// `indent`… Those Jinja runs through `soft_str` keep ``Markup`` as Markup,
/// as MarkupSafe's string methods do.
extension TemplateFilters {
    static func capitalize(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doCapitalizeSignature.bind(arguments)
        return mapText(try softString(value), PythonCase.capitalize)
    }

    static func lower(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doLowerSignature.bind(arguments)
        return mapText(try softString(value), PythonCase.lower)
    }

    static func upper(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doUpperSignature.bind(arguments)
        return mapText(try softString(value), PythonCase.upper)
    }

    /// Jinja's own title case: each run after `-`, whitespace or an opening
    /// bracket starts upper case and continues lower case. Always plain text,
    /// because Jinja rebuilds the string from regex pieces.
    static func title(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doTitleSignature.bind(arguments)
        let isBoundary: (Unicode.Scalar) -> Bool = { "-({[<".unicodeScalars.contains($0) || PythonString.isSpace($0) }
        var result = ""
        var piece = String.UnicodeScalarView()
        var pieceIsBoundary = false
        func flush() {
            guard let first = piece.first else { return }
            result += PythonCase.upper(String(first)) + PythonCase.lower(String(piece.dropFirst()))
            piece = String.UnicodeScalarView()
        }
        for scalar in (try softString(value).stringValue ?? "").unicodeScalars {
            if isBoundary(scalar) != pieceIsBoundary {
                flush()
                pieceIsBoundary.toggle()
            }
            piece.append(scalar)
        }
        flush()
        return .string(result)
    }

    static func center(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let width = try Self.doCenterSignature.bind(arguments).integer(0, default: 80)
        return try mapText(try softString(value)) { try PythonString.justify($0, width: width, fill: " ", alignment: .center) }
    }

    static func trim(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let characters = try Self.doTrimSignature.bind(arguments).optional(0)
        if let characters, characters.stringValue == nil { throw TemplateError(.type, "strip arg must be None or str") }
        return mapText(try softString(value)) { PythonString.strip(Array($0.unicodeScalars), characters?.stringValue.map { Array($0.unicodeScalars) }, leading: true, trailing: true) }
    }

    /// `str()` that keeps ``Markup`` (MarkupSafe's `soft_str`).
    static func string(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.softStrSignature.bind(arguments)
        return try softString(value)
    }

    /// The number of runs of word characters (Python's `\w+`).
    static func wordcount(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doWordcountSignature.bind(arguments)
        var count = 0
        var inWord = false
        for scalar in (try softString(value).stringValue ?? "").unicodeScalars {
            let isWord = isWordScalar(scalar)
            if isWord && !inWord { count += 1 }
            inWord = isWord
        }
        return .int(count)
    }

    /// With autoescaping, a ``Markup`` subject, old or new text makes the
    /// result Markup, with the replacement escaped (Jinja's `do_replace`).
    static func replace(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doReplaceSignature
            .bind(arguments)
        let old = bound[0]!, new = bound[1]!
        let count = try bound.optional(2).map(index) ?? -1
        guard state.autoescape else {
            return .string(replaceText(try value.text(), try old.text(), try new.text(), count: count))
        }
        let isMarkup: (TemplateValue) -> Bool = { if case .markup = $0 { true } else { false } }
        guard isMarkup(value) || isMarkup(old) || isMarkup(new) else {
            return .string(replaceText(try value.text(), try old.text(), try new.text(), count: count))
        }
        let subject = isMarkup(value) ? try value.text() : escape(try value.text()).html
        let replacement = isMarkup(new) ? try new.text() : escape(try new.text()).html
        return .markup(Markup(replaceText(subject, try old.text(), replacement, count: count)))
    }

    /// Python's `%` formatting with the filter's positional or keyword arguments.
    static func format(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        guard arguments.positional.isEmpty || arguments.keyword.isEmpty else {
            throw argumentError("can't handle positional and keyword arguments at the same time")
        }
        let values: TemplateValue = arguments.keyword.isEmpty
            ? .tuple(arguments.positional)
            : .dictionary(TemplateDictionary(arguments.keyword.map { (.string($0.name), $0.value) }, uniquingKeysWith: { $1 }))
        return try PythonPercentFormat.format(try softString(value), with: values)
    }

    /// Shortens text to `length` code points including `end`, at a space
    /// unless `killwords`, leaving text alone that is at most `leeway` over.
    static func truncate(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doTruncateSignature
            .bind(arguments)
        let length = bound.value(0, default: 255)
        let end = bound.value(2, default: "...")
        let leeway = bound.optional(3) ?? 5
        let endLength = try end.count()
        guard try TemplateValue.compareOrder(length, .int(endLength), operator: ">=") else {
            throw assertionFailure("expected length >= \(endLength), got \(try length.text())")
        }
        guard try TemplateValue.compareOrder(leeway, 0, operator: ">=") else {
            throw assertionFailure("expected leeway >= 0, got \(try leeway.text())")
        }
        // Both are at least 0 here, so a sum past Int.max is longer than any text, as in Python.
        if let a = length.integerValue, let b = leeway.integerValue, a.addingReportingOverflow(b).overflow { return value }
        if try TemplateValue.compareOrder(.int(try value.count()), try TemplateValue.add(length, leeway), operator: "<=") {
            return value
        }
        guard let limit = length.integerValue, let text = value.stringValue else {
            throw TemplateError(.type, "slice indices must be integers or None or have an __index__ method")
        }
        var kept = prefix(text, limit - endLength)
        if try !bound.flag(1, default: false), let space = kept.unicodeScalars.lastIndex(of: " ") {
            kept = String(kept.unicodeScalars[..<space])
        }
        return try TemplateValue.add(mapText(value) { _ in kept }, end)
    }

    /// Indents every line but the first (and the first too with `first`),
    /// skipping blank lines unless `blank`; `width` may be the indent text itself.
    static func indent(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doIndentSignature.bind(arguments)
        let width = bound.value(0, default: 4)
        var indention: TemplateValue
        if width.stringValue != nil {
            indention = width
        } else if let count = width.integerValue {
            try TemplateSizeLimit.check(count)
            indention = .string(String(repeating: " ", count: max(count, 0)))
        } else {
            throw TemplateError(.type, "can't multiply sequence by non-int of type '\(typeName(width))'")
        }
        var newline: TemplateValue = "\n"
        if case .markup = value {
            indention = .markup(Markup(try indention.text()))
            newline = .markup(Markup("\n"))
        }
        let text = try requireText(value, "unsupported operand type(s) for +=: '\(typeName(value))' and 'str'")
        // Jinja appends a newline first, so that `splitlines` keeps a trailing empty line.
        let lines = PythonString.splitLines(Array((text + "\n").unicodeScalars), keepEnds: false).map { line in
            mapText(value) { _ in line }
        }
        var result: TemplateValue
        if try bound.flag(2, default: false) {
            result = try join(try TemplateValue.add(newline, indention), lines)
        } else {
            result = lines[0]
            let rest = try lines.dropFirst().map { line in
                try line.truth() ? try TemplateValue.add(indention, line) : line
            }
            if !rest.isEmpty {
                result = try TemplateValue.add(result, try TemplateValue.add(newline, try join(newline, rest)))
            }
        }
        if try bound.flag(1, default: false) {
            result = try TemplateValue.add(indention, result)
        }
        return result
    }

    /// `str.replace` on text of any kind.
    private static func replaceText(_ text: String, _ old: String, _ new: String, count: Int) -> String {
        PythonString.replace(Array(text.unicodeScalars), Array(old.unicodeScalars), with: Array(new.unicodeScalars), limit: count)
    }
}

/// The Python signatures of the filters above, made once rather than per call.
extension TemplateFilters {
    static let doCapitalizeSignature = FilterSignature("do_capitalize", implicit: ["s"])
    static let doLowerSignature = FilterSignature("do_lower", implicit: ["s"])
    static let doUpperSignature = FilterSignature("do_upper", implicit: ["s"])
    static let doTitleSignature = FilterSignature("do_title", implicit: ["s"])
    static let doCenterSignature = FilterSignature("do_center", implicit: ["value"], ["width"])
    static let doTrimSignature = FilterSignature("do_trim", implicit: ["value"], ["chars"])
    static let softStrSignature = FilterSignature("soft_str", implicit: ["s"])
    static let doWordcountSignature = FilterSignature("do_wordcount", implicit: ["s"])
    static let doReplaceSignature = FilterSignature(
        "do_replace", implicit: ["eval_ctx", "s"], ["old", "new", "count"], required: 2
    )
    static let doTruncateSignature = FilterSignature(
        "do_truncate", implicit: ["env", "s"], ["length", "killwords", "end", "leeway"]
    )
    static let doIndentSignature = FilterSignature("do_indent", implicit: ["s"], ["width", "first", "blank"])
}
