/// Python's ways of cutting a string apart: `split`, `rsplit`, `splitlines`,
/// `partition` and the `strip` family.
extension PythonString {
    /// `split(separator, maxsplit)`; a nil separator splits on runs of
    /// whitespace and drops empty pieces.
    static func split(_ text: Scalars, separator: Scalars?, limit: Int) -> [String] {
        var remaining = limit < 0 ? Int.max : limit
        var pieces: [String] = []
        guard let separator else {
            var index = 0
            while remaining > 0 {
                while index < text.count, isSpace(text[index]) { index += 1 }
                if index == text.count { break }
                let start = index
                while index < text.count, !isSpace(text[index]) { index += 1 }
                pieces.append(string(text[start..<index]))
                remaining -= 1
            }
            while index < text.count, isSpace(text[index]) { index += 1 }
            if index < text.count { pieces.append(string(text[index...])) }
            return pieces
        }
        var start = 0
        while remaining > 0 {
            let found = find(text, separator, start: start)
            if found < 0 { break }
            pieces.append(string(text[start..<found]))
            start = found + separator.count
            remaining -= 1
        }
        pieces.append(string(text[start...]))
        return pieces
    }

    /// `rsplit(separator, maxsplit)`: like ``split(_:separator:limit:)``, counting splits from the right.
    static func rsplit(_ text: Scalars, separator: Scalars?, limit: Int) -> [String] {
        var remaining = limit < 0 ? Int.max : limit
        var pieces: [String] = []
        guard let separator else {
            var index = text.count - 1
            while remaining > 0 {
                while index >= 0, isSpace(text[index]) { index -= 1 }
                if index < 0 { break }
                let end = index + 1
                while index >= 0, !isSpace(text[index]) { index -= 1 }
                pieces.append(string(text[(index + 1)..<end]))
                remaining -= 1
            }
            while index >= 0, isSpace(text[index]) { index -= 1 }
            if index >= 0 { pieces.append(string(text[...index])) }
            return pieces.reversed()
        }
        var end = text.count
        while remaining > 0 {
            let found = rfind(text, separator, end: end)
            if found < 0 { break }
            pieces.append(string(text[(found + separator.count)..<end]))
            end = found
            remaining -= 1
        }
        pieces.append(string(text[..<end]))
        return pieces.reversed()
    }

    /// `splitlines(keepends)`: lines ended by any of Python's line boundaries, `\r\n` counting as one.
    static func splitLines(_ text: Scalars, keepEnds: Bool) -> [String] {
        var lines: [String] = []
        var start = 0
        var index = 0
        while index < text.count {
            guard isLineBoundary(text[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            if text[index] == "\r", end < text.count, text[end] == "\n" { end += 1 }
            lines.append(string(text[start..<(keepEnds ? end : index)]))
            start = end
            index = end
        }
        if start < text.count { lines.append(string(text[start...])) }
        return lines
    }

    /// `partition(separator)` (or `rpartition` with `fromEnd`): the text
    /// before, the separator, the text after; when absent, the whole text
    /// on the side the search started from.
    static func partition(_ text: Scalars, _ separator: Scalars, fromEnd: Bool) -> [String] {
        let found = fromEnd ? rfind(text, separator) : find(text, separator)
        guard found >= 0 else { return fromEnd ? ["", "", string(text)] : [string(text), "", ""] }
        return [string(text[..<found]), string(separator), string(text[(found + separator.count)...])]
    }

    /// `strip(characters)`, `lstrip` or `rstrip`: nil characters mean whitespace.
    static func strip(_ text: Scalars, _ characters: Scalars?, leading: Bool, trailing: Bool) -> String {
        let strips: (Unicode.Scalar) -> Bool = characters.map { set in { set.contains($0) } } ?? isSpace
        var lower = 0
        var upper = text.count
        if leading { while lower < upper, strips(text[lower]) { lower += 1 } }
        if trailing { while upper > lower, strips(text[upper - 1]) { upper -= 1 } }
        return string(text[lower..<upper])
    }

    private static func isLineBoundary(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
