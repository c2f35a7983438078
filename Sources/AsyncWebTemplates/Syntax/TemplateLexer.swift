/// Splits template text into tokens the way Jinja's default lexer does:
/// text outside tags becomes data, `{{ … }}` and `{% … %}` become token
/// runs, comments vanish, and `{% raw %}` content stays verbatim.
///
/// ```swift
/// let tokens = try TemplateLexer.tokenize(TemplateSource(text: "Hi {{ name }}"))
/// ```
///
/// Whitespace control follows Jinja: `-` next to a delimiter strips the
/// whitespace on that side, `+` opts out of `lstripBlocks`, and the
/// options add `trim_blocks` and `lstrip_blocks`.
struct TemplateLexer {
    /// The kind of tag an opening delimiter starts.
    enum TagKind {
        case variable, block, comment
    }

    let text: [Unicode.Scalar]
    let templateName: String?
    let options: TemplateSyntaxOptions
    /// Offsets where each line starts, so a token's line is a lookup.
    let lineStarts: [Int]
    var position = 0
    var tokens: [TemplateToken] = []
    /// Whether the last consumed tag ended with a newline; Jinja's
    /// `lstrip_blocks` treats that as the start of a line.
    var lineStarting = true

    static func tokenize(
        _ source: TemplateSource,
        options: TemplateSyntaxOptions = TemplateSyntaxOptions()
    ) throws -> [TemplateToken] {
        var lexer = TemplateLexer(source: source, options: options)
        try lexer.scanTemplate()
        return lexer.tokens
    }

    private init(source: TemplateSource, options: TemplateSyntaxOptions) {
        let text = Self.normalizedNewlines(source.text, keepTrailingNewline: options.keepTrailingNewline)
        self.text = text
        self.templateName = source.name
        self.options = options
        self.lineStarts = [0] + text.indices.filter { text[$0] == "\n" }.map { $0 + 1 }
    }

    /// Turns `\r\n` and `\r` into `\n` and drops one final newline unless
    /// asked to keep it, exactly as Jinja does before lexing.
    static func normalizedNewlines(_ text: String, keepTrailingNewline: Bool) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = scalar == "\r"
            result.append(scalar == "\r" ? "\n" : scalar)
        }
        if !keepTrailingNewline && result.last == "\n" {
            result.removeLast()
        }
        return result
    }

    func line(at offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    func error(_ message: String, at offset: Int) -> TemplateSyntaxError {
        TemplateSyntaxError(message: message, line: line(at: offset), templateName: templateName)
    }

    func hasPrefix(_ prefix: String, at offset: Int) -> Bool {
        var index = offset
        for scalar in prefix.unicodeScalars {
            guard index < text.count, text[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    func isWhitespace(_ offset: Int) -> Bool {
        offset < text.count && text[offset].properties.isWhitespace
    }

    func skippingWhitespace(from offset: Int) -> Int {
        var index = offset
        while isWhitespace(index) { index += 1 }
        return index
    }

    mutating func emit(_ kind: TemplateTokenKind, at offset: Int) {
        tokens.append(TemplateToken(kind: kind, line: line(at: offset)))
    }

    mutating func emitData(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        var data = String.UnicodeScalarView()
        data.append(contentsOf: text[range])
        emit(.data(String(data)), at: range.lowerBound)
    }

    private mutating func scanTemplate() throws {
        while position < text.count {
            guard let (start, kind) = nextTagOpening() else {
                emitData(position..<text.count)
                position = text.count
                break
            }
            try scanTag(kind, openingAt: start)
        }
        tokens.append(TemplateToken(kind: .endOfTemplate, line: tokens.last?.line ?? 1))
    }

    private func nextTagOpening() -> (Int, TagKind)? {
        var index = position
        while index + 1 < text.count {
            if text[index] == "{" {
                switch text[index + 1] {
                case "{": return (index, .variable)
                case "%": return (index, .block)
                case "#": return (index, .comment)
                default: break
                }
            }
            index += 1
        }
        return nil
    }

    private mutating func scanTag(_ kind: TagKind, openingAt start: Int) throws {
        var afterOpening = start + 2
        let sign = afterOpening < text.count && (text[afterOpening] == "-" || text[afterOpening] == "+")
            ? text[afterOpening] : nil
        if sign != nil { afterOpening += 1 }
        let dataEnd = strippedDataEnd(from: position, to: start, sign: sign, allowsLstrip: kind != .variable)
        emitData(position..<dataEnd)
        lineStarting = false
        position = afterOpening
        switch kind {
        case .comment:
            try scanComment(openingAt: start)
        case .variable:
            emit(.variableBegin, at: start)
            try scanTagBody(kind)
        case .block:
            if let rawContentStart = rawBlockContentStart(after: afterOpening) {
                lineStarting = text[rawContentStart - 1] == "\n"
                position = rawContentStart
                try scanRawContent()
            } else {
                emit(.blockBegin, at: start)
                try scanTagBody(kind)
            }
        }
    }

    /// Where data before a tag ends once whitespace control has trimmed it.
    private func strippedDataEnd(from start: Int, to end: Int, sign: Unicode.Scalar?, allowsLstrip: Bool) -> Int {
        if sign == "-" {
            var trimmedEnd = end
            while trimmedEnd > start && text[trimmedEnd - 1].properties.isWhitespace { trimmedEnd -= 1 }
            return trimmedEnd
        }
        guard sign != "+", allowsLstrip, options.lstripBlocks else { return end }
        var lineStart = end
        while lineStart > start && text[lineStart - 1] != "\n" { lineStart -= 1 }
        guard lineStart > start || lineStarting, lineStart < end,
              (lineStart..<end).allSatisfy(isWhitespace) else { return end }
        return lineStart
    }

    private mutating func scanComment(openingAt start: Int) throws {
        var index = position
        while index < text.count {
            if hasPrefix("+#}", at: index) {
                finishTag(at: index + 3)
                return
            }
            if hasPrefix("-#}", at: index) {
                finishTag(at: skippingWhitespace(from: index + 3))
                return
            }
            if hasPrefix("#}", at: index) {
                finishTag(at: endAfterTrimmingBlock(index + 2))
                return
            }
            index += 1
        }
        throw error("Missing end of comment tag", at: start)
    }

    /// Matches the rest of `{% raw %}` after its opening and returns where
    /// the verbatim content starts, or `nil` if this is another tag.
    private func rawBlockContentStart(after afterOpening: Int) -> Int? {
        var index = skippingWhitespace(from: afterOpening)
        guard hasPrefix("raw", at: index) else { return nil }
        index = skippingWhitespace(from: index + 3)
        if hasPrefix("-%}", at: index) { return skippingWhitespace(from: index + 3) }
        if hasPrefix("%}", at: index) { return index + 2 }
        return nil
    }

    private mutating func scanRawContent() throws {
        let contentStart = position
        var index = contentStart
        while index < text.count {
            if hasPrefix("{%", at: index), let (sign, end) = endRawMatch(at: index) {
                let dataEnd = strippedDataEnd(from: contentStart, to: index, sign: sign, allowsLstrip: true)
                emitData(contentStart..<dataEnd)
                finishTag(at: end)
                return
            }
            index += 1
        }
        throw error("Missing end of raw directive", at: contentStart)
    }

    private func endRawMatch(at start: Int) -> (Unicode.Scalar?, Int)? {
        var index = start + 2
        var sign: Unicode.Scalar?
        if index < text.count && (text[index] == "-" || text[index] == "+") {
            sign = text[index]
            index += 1
        }
        index = skippingWhitespace(from: index)
        guard hasPrefix("endraw", at: index) else { return nil }
        index = skippingWhitespace(from: index + 6)
        guard let end = blockEnd(at: index) else { return nil }
        return (sign, end)
    }

    /// The end of a `%}` closing at `offset` with its whitespace control,
    /// or `nil` if no block closing starts there.
    func blockEnd(at offset: Int) -> Int? {
        if hasPrefix("+%}", at: offset) { return offset + 3 }
        if hasPrefix("-%}", at: offset) { return skippingWhitespace(from: offset + 3) }
        if hasPrefix("%}", at: offset) { return endAfterTrimmingBlock(offset + 2) }
        return nil
    }

    func variableEnd(at offset: Int) -> Int? {
        if hasPrefix("-}}", at: offset) { return skippingWhitespace(from: offset + 3) }
        if hasPrefix("}}", at: offset) { return offset + 2 }
        return nil
    }

    private func endAfterTrimmingBlock(_ offset: Int) -> Int {
        options.trimBlocks && offset < text.count && text[offset] == "\n" ? offset + 1 : offset
    }

    mutating func finishTag(at end: Int) {
        lineStarting = end > 0 && text[end - 1] == "\n"
        position = end
    }
}
