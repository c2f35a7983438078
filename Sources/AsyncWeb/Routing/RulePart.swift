/// One step of matching a rule, the way Werkzeug's `_parse_rule` cuts it:
/// a plain segment compared as text, or a segment with placeholders.
///
/// ```swift
/// // "/user/<int:id>/posts" → [.literal(""), .literal("user"), .pattern(<int:id>), .literal("posts")]
/// ```
enum RulePart: Sendable {
    case literal(LiteralSegment)
    case pattern(SegmentPattern)

    /// The parts of a rule, given the converter made for each placeholder.
    static func parts(of tokens: [RulePattern.Token], converters: [String: any RouteConverter]) -> [RulePart] {
        var builder = Builder()
        for token in tokens {
            switch token {
            case .text(let text):
                builder.appendLiteral(Array(text.unicodeScalars), isChunk: true)
            case .placeholder(let name, _, _):
                builder.appendCapture(converters[name]!)
            case .slash:
                if builder.spansSegments {
                    builder.appendLiteral(["/"], isChunk: false)
                } else {
                    builder.finishPart(endsWithOptionalSlash: false)
                }
            }
        }
        // A rule ending in `/` after a `path` gets an optional final slash,
        // then an empty segment, so the slash can be asked for by redirect.
        let endsWithOptionalSlash = builder.spansSegments && builder.removeTrailingSlash()
        builder.finishPart(endsWithOptionalSlash: endsWithOptionalSlash)
        if endsWithOptionalSlash {
            builder.parts.append(.literal(LiteralSegment.empty))
        }
        return builder.parts
    }

    private struct Builder {
        var parts: [RulePart] = []
        var pieces: [SegmentPattern.Piece] = []
        var weight = RuleWeight()
        var hasCapture = false
        var spansSegments = false

        mutating func appendLiteral(_ scalars: [Unicode.Scalar], isChunk: Bool) {
            // Slashes inside a spanning part are not chunks of their own.
            if isChunk { weight.literalLengths.append(scalars.count) }
            if case .literal(let previous)? = pieces.last {
                pieces[pieces.count - 1] = .literal(previous + scalars)
            } else {
                pieces.append(.literal(scalars))
            }
        }

        mutating func appendCapture(_ converter: any RouteConverter) {
            pieces.append(.capture(converter))
            weight.converterWeights.append(converter.weight)
            hasCapture = true
            if converter.matchesSlashes { spansSegments = true }
        }

        mutating func removeTrailingSlash() -> Bool {
            guard case .literal(var scalars)? = pieces.last, scalars.last == "/" else { return false }
            scalars.removeLast()
            if scalars.isEmpty {
                pieces.removeLast()
            } else {
                pieces[pieces.count - 1] = .literal(scalars)
            }
            return true
        }

        mutating func finishPart(endsWithOptionalSlash: Bool) {
            if hasCapture {
                let pattern = SegmentPattern(
                    pieces: pieces, spansSegments: spansSegments,
                    endsWithOptionalSlash: endsWithOptionalSlash, weight: weight)
                parts.append(.pattern(pattern))
            } else {
                var text = String.UnicodeScalarView()
                for case .literal(let scalars) in pieces { text.append(contentsOf: scalars) }
                parts.append(.literal(LiteralSegment(String(text))))
            }
            pieces = []
            weight = RuleWeight()
            hasCapture = false
            spansSegments = false
        }
    }
}
