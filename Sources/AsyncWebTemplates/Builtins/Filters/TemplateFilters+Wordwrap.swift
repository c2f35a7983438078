/// `wordwrap`: each line of the text wrapped to `width` columns by Python's
/// `textwrap.wrap` (tabs and newlines kept, long words broken unless
/// `break_long_words` is false, breaks after hyphens unless
/// `break_on_hyphens` is false), the lines joined by `wrapstring`.
extension TemplateFilters {
    static func wordwrap(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doWordwrapSignature.bind(arguments)
        let widthArgument = bound.value(0, default: 79)
        let wrapper = TextWrapper(
            width: widthArgument.integerValue ?? 0,
            breakLongWords: try bound.flag(1, default: true),
            // textwrap tests `break_on_hyphens is True` to choose its splitting pattern.
            splitsAtHyphens: bound[3].map { if case .bool(true) = $0 { true } else { false } } ?? true,
            breaksAtHyphens: try bound.flag(3, default: true)
        )
        let separator = bound.optional(2) ?? "\n"
        if case .undefined(let undefined) = value { throw undefined.error }
        guard let text = value.stringValue else {
            throw PythonErrors.attribute(value, "splitlines")
        }
        let paragraphs = try PythonString.splitLines(Array(text.unicodeScalars), keepEnds: false).map { line in
            guard widthArgument.integerValue != nil else {
                if widthArgument.numericValue != nil { _ = try index(widthArgument) }
                throw TemplateError(.type, "'<=' not supported between instances of '\(typeName(widthArgument))' and 'int'")
            }
            guard wrapper.width > 0 else {
                throw TemplateError(.value, "invalid width \(widthArgument.repr) (must be > 0)")
            }
            return try join(separator, wrapper.wrap(line).map(TemplateValue.string))
        }
        return try join(separator, paragraphs)
    }
}

/// Python's `textwrap.TextWrapper` as Jinja configures it: no indents,
/// tabs and whitespace left alone, whitespace dropped at line ends.
private struct TextWrapper {
    let width: Int
    let breakLongWords: Bool
    /// Split words after their hyphens (textwrap's `wordsep_re`) rather than at whitespace only.
    let splitsAtHyphens: Bool
    /// Prefer a hyphen as the place to break a word too long for a line.
    let breaksAtHyphens: Bool

    func wrap(_ text: String) -> [String] {
        var chunks = Array(split(Array(text.unicodeScalars)).reversed())
        var lines: [String] = []
        let isBlank = { (chunk: [Unicode.Scalar]) in chunk.allSatisfy(PythonString.isSpace) }
        while !chunks.isEmpty {
            var line: [[Unicode.Scalar]] = []
            var length = 0
            if isBlank(chunks.last!) && !lines.isEmpty { chunks.removeLast() }
            while let next = chunks.last, length + next.count <= width {
                line.append(chunks.removeLast())
                length += next.count
            }
            if let next = chunks.last, next.count > width {
                breakLongWord(&chunks, into: &line, length: length)
            }
            if let last = line.last, isBlank(last) { line.removeLast() }
            if !line.isEmpty { lines.append(String(String.UnicodeScalarView(line.joined()))) }
        }
        return lines
    }

    /// Puts as much of the too-long next chunk on the line as fits,
    /// preferring to break after a hyphen; or, without breaking words, the
    /// whole chunk on a line of its own.
    private func breakLongWord(_ chunks: inout [[Unicode.Scalar]], into line: inout [[Unicode.Scalar]], length: Int) {
        let spaceLeft = width < 1 ? 1 : width - length
        guard breakLongWords else {
            if line.isEmpty { line.append(chunks.removeLast()) }
            return
        }
        let chunk = chunks[chunks.count - 1]
        var end = spaceLeft
        if breaksAtHyphens && chunk.count > spaceLeft,
            let hyphen = chunk[..<Swift.min(spaceLeft, chunk.count)].lastIndex(of: "-"), hyphen > 0,
            chunk[..<hyphen].contains(where: { $0 != "-" })
        {
            end = hyphen + 1
        }
        line.append(Array(chunk[..<end]))
        chunks[chunks.count - 1] = Array(chunk[end...])
    }

    /// The text in wrappable chunks: whitespace runs and words, words also
    /// split after hyphens between letters and before em-dashes.
    private func split(_ text: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var chunks: [[Unicode.Scalar]] = []
        var start = 0
        while start < text.count {
            let end = splitsAtHyphens ? chunkEnd(text, from: start) : runEnd(text, from: start)
            chunks.append(Array(text[start..<end]))
            start = end
        }
        return chunks
    }

    /// The end of the run of whitespace or of non-whitespace at `start` (`wordsep_simple_re`).
    private func runEnd(_ text: [Unicode.Scalar], from start: Int) -> Int {
        let space = Self.isSpace(text[start])
        var end = start + 1
        while end < text.count && Self.isSpace(text[end]) == space { end += 1 }
        return end
    }

    /// The end of the chunk at `start` by textwrap's `wordsep_re`.
    private func chunkEnd(_ text: [Unicode.Scalar], from start: Int) -> Int {
        let at = { (index: Int) -> Unicode.Scalar? in index >= 0 && index < text.count ? text[index] : nil }
        let isLetter = { (index: Int) in at(index).map { Self.isWord($0) && !PythonString.isDecimal($0) } ?? false }
        let isWordPunctuation = { (index: Int) in at(index).map { Self.isWord($0) || "!\"'&.,?".unicodeScalars.contains($0) } ?? false }
        let dashes = { (index: Int) in (index..<text.count).prefix { text[$0] == "-" }.count }
        let dashesThenWord = { (index: Int) in
            let count = dashes(index)
            return count >= 2 && at(index + count).map(Self.isWord) == true
        }
        if Self.isSpace(text[start]) { return runEnd(text, from: start) }
        // An em-dash (two or more hyphens) between words is a chunk of its own.
        if isWordPunctuation(start - 1) && dashesThenWord(start) { return start + dashes(start) }
        var end = start + 1
        while true {
            let hyphenBetweenLetters = at(end) == "-"
                && ((isLetter(end - 2) && isLetter(end - 1)) || (isLetter(end - 3) && at(end - 2) == "-" && isLetter(end - 1)))
                && isLetter(end + 1) && (isLetter(end + 2) || (at(end + 2) == "-" && isLetter(end + 3)))
            if hyphenBetweenLetters { return end + 1 }
            if end == text.count || Self.isSpace(text[end]) { return end }
            if isWordPunctuation(end - 1) && dashesThenWord(end) { return end }
            end += 1
        }
    }

    /// textwrap's whitespace: ASCII only.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        "\t\n\u{0B}\u{0C}\r ".unicodeScalars.contains(scalar)
    }

    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        TemplateFilters.isWordScalar(scalar)
    }
}

/// The Python signatures of the filters above, made once rather than per call.
extension TemplateFilters {
    static let doWordwrapSignature = FilterSignature(
        "do_wordwrap", implicit: ["environment", "s"], ["width", "break_long_words", "wrapstring", "break_on_hyphens"]
    )
}
