/// A segment of a rule that holds placeholders, such as `<int:id>` or
/// `page<int:n>.html`, matched the way Werkzeug matches the regex it
/// compiles for it: literal text and converters in sequence, each converter
/// trying its matches in its preferred order, the whole anchored at the end.
///
/// Once a converter that matches slashes (`path`) appears, the pattern runs
/// to the end of the rule and is matched against all the remaining segments
/// joined by `/`; if the rule then ends in `/`, that slash becomes optional
/// so that its absence can be answered with a redirect.
///
/// ```swift
/// // "/<path:p>/edit" → literal "" then SegmentPattern([capture(path), literal("/edit")])
/// ```
final class SegmentPattern: Sendable {
    enum Piece: Sendable {
        case literal([Unicode.Scalar])
        case capture(any RouteConverter)
    }

    enum Outcome {
        case noMatch
        case matched
        /// Matched, and the text went on with the slash the rule ends with:
        /// the search continues to the rule's final empty segment.
        case matchedWithTrailingSlash
    }

    let pieces: [Piece]
    /// Werkzeug's `final`: the pattern takes every remaining segment.
    let spansSegments: Bool
    /// Werkzeug's `suffixed`: a rule ending in `/` after a `path` converter.
    let endsWithOptionalSlash: Bool
    let weight: RuleWeight
    /// The converter when the pattern is that one placeholder alone, by far
    /// the most common pattern, matched without the general search.
    private let soleConverter: (any RouteConverter)?

    init(pieces: [Piece], spansSegments: Bool, endsWithOptionalSlash: Bool, weight: RuleWeight) {
        self.pieces = pieces
        self.spansSegments = spansSegments
        self.endsWithOptionalSlash = endsWithOptionalSlash
        self.weight = weight
        if pieces.count == 1, !endsWithOptionalSlash, case .capture(let converter) = pieces[0] {
            soleConverter = converter
        } else {
            soleConverter = nil
        }
    }

    /// Whether a second rule's segment is the same matching step as this
    /// one, which Werkzeug decides by comparing the compiled regexes.
    func hasSameShape(as other: SegmentPattern) -> Bool {
        guard spansSegments == other.spansSegments, endsWithOptionalSlash == other.endsWithOptionalSlash,
            weight == other.weight, pieces.count == other.pieces.count
        else { return false }
        for (piece, otherPiece) in zip(pieces, other.pieces) {
            switch (piece, otherPiece) {
            case (.literal(let text), .literal(let otherText)) where text == otherText:
                continue
            case (.capture(let converter), .capture(let otherConverter))
            where converter.patternIdentity == otherConverter.patternIdentity:
                continue
            default:
                return false
            }
        }
        return true
    }

    /// Matches all of `text`, appending one capture per converter.
    func match(_ text: Substring, captures: inout [Substring]) -> Outcome {
        if let converter = soleConverter {
            guard converter.accepts(text) else { return .noMatch }
            captures.append(text)
            return .matched
        }
        let capturesBefore = captures.count
        if let outcome = matchPieces(from: 0, at: text.startIndex, in: text.unicodeScalars, captures: &captures) {
            return outcome
        }
        captures.removeSubrange(capturesBefore...)
        return .noMatch
    }

    /// Depth-first over each converter's candidate ends, which is how a
    /// backtracking regex explores a sequence.
    private func matchPieces(
        from pieceIndex: Int, at position: Substring.Index, in scalars: Substring.UnicodeScalarView,
        captures: inout [Substring]
    ) -> Outcome? {
        guard pieceIndex < pieces.count else { return matchEnd(at: position, in: scalars) }
        switch pieces[pieceIndex] {
        case .literal(let literal):
            var index = position
            for scalar in literal {
                guard index < scalars.endIndex, scalars[index] == scalar else { return nil }
                index = scalars.index(after: index)
            }
            return matchPieces(from: pieceIndex + 1, at: index, in: scalars, captures: &captures)
        case .capture(let converter):
            for end in converter.prefixEnds(in: Substring(scalars[position...])) {
                captures.append(Substring(scalars[position..<end]))
                if let outcome = matchPieces(from: pieceIndex + 1, at: end, in: scalars, captures: &captures) {
                    return outcome
                }
                captures.removeLast()
            }
            return nil
        }
    }

    /// `\Z`, or for a rule ending in `/` after a `path`: `(?<!/)(/?)\Z`.
    private func matchEnd(at position: Substring.Index, in scalars: Substring.UnicodeScalarView) -> Outcome? {
        guard endsWithOptionalSlash else { return position == scalars.endIndex ? .matched : nil }
        if position > scalars.startIndex, scalars[scalars.index(before: position)] == "/" { return nil }
        if position == scalars.endIndex { return .matched }
        if scalars[position] == "/", scalars.index(after: position) == scalars.endIndex {
            return .matchedWithTrailingSlash
        }
        return nil
    }
}
