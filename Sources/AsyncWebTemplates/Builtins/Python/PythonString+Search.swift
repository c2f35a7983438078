/// Python's substring searches: `find`, `rfind`, `count`, `replace` and the
/// prefix tests, with its slice rules for `start` and `end`.
extension PythonString {
    /// The first index of `needle` in `haystack[start:end]`, or -1.
    static func find(_ haystack: Scalars, _ needle: Scalars, start: Int? = nil, end: Int? = nil) -> Int {
        let (lower, upper) = bounds(start, end, count: haystack.count)
        guard upper - lower >= needle.count else { return -1 }
        for position in lower...(upper - needle.count) where matches(haystack, needle, at: position) {
            return position
        }
        return -1
    }

    /// The last index of `needle` in `haystack[start:end]`, or -1.
    static func rfind(_ haystack: Scalars, _ needle: Scalars, start: Int? = nil, end: Int? = nil) -> Int {
        let (lower, upper) = bounds(start, end, count: haystack.count)
        guard upper - lower >= needle.count else { return -1 }
        for position in stride(from: upper - needle.count, through: lower, by: -1)
        where matches(haystack, needle, at: position) {
            return position
        }
        return -1
    }

    /// How many times `needle` occurs in `haystack[start:end]` without overlapping;
    /// the empty string occurs between every two code points and at both ends.
    static func count(_ haystack: Scalars, _ needle: Scalars, start: Int? = nil, end: Int? = nil) -> Int {
        let (lower, upper) = bounds(start, end, count: haystack.count)
        guard upper - lower >= needle.count else { return 0 }
        if needle.isEmpty { return upper - lower + 1 }
        var count = 0
        var position = lower
        while position <= upper - needle.count {
            if matches(haystack, needle, at: position) {
                count += 1
                position += needle.count
            } else {
                position += 1
            }
        }
        return count
    }

    /// `replace(old, new, count)`: at most `limit` replacements (all when
    /// negative); an empty `old` inserts `new` around every code point.
    static func replace(_ text: Scalars, _ old: Scalars, with new: Scalars, limit: Int) -> String {
        var remaining = limit < 0 ? Int.max : limit
        var result = String.UnicodeScalarView()
        var position = 0
        if old.isEmpty {
            for scalar in text {
                if remaining > 0 {
                    result.append(contentsOf: new)
                    remaining -= 1
                }
                result.append(scalar)
            }
            if remaining > 0 { result.append(contentsOf: new) }
            return String(result)
        }
        while position < text.count {
            if remaining > 0, position + old.count <= text.count, matches(text, old, at: position) {
                result.append(contentsOf: new)
                position += old.count
                remaining -= 1
            } else {
                result.append(text[position])
                position += 1
            }
        }
        return String(result)
    }

    /// Whether `text[start:end]` starts (or, with `atEnd`, ends) with `affix`.
    static func hasAffix(_ text: Scalars, _ affix: Scalars, start: Int?, end: Int?, atEnd: Bool) -> Bool {
        let (lower, upper) = bounds(start, end, count: text.count)
        guard upper - affix.count >= lower else { return false }
        return matches(text, affix, at: atEnd ? upper - affix.count : lower)
    }

    private static func matches(_ haystack: Scalars, _ needle: Scalars, at position: Int) -> Bool {
        for offset in needle.indices where haystack[position + offset] != needle[offset] {
            return false
        }
        return true
    }
}
