extension TemplateFilters {
    /// A regular expression assembled from parts and matched the way
    /// Python's backtracking `re` would: by following every way each part
    /// can match. It answers "does this match?" exactly, which is all that
    /// `urlize` asks of its patterns, with Python's own `\w`, `\d` and `\s`.
    ///
    /// ```swift
    /// let email = Pattern.sequence([.run(of: .notSpace), .literal("@"), …])
    /// email.matchesAll(Array("me@example.com".unicodeScalars))
    /// ```
    struct Pattern: Sendable {
        /// Every position where a match that starts at the given one can end.
        let ends: @Sendable (_ text: [Unicode.Scalar], _ start: Int) -> Set<Int>

        /// One code point for which `accepts` holds.
        static func scalar(_ accepts: @escaping @Sendable (Unicode.Scalar) -> Bool) -> Pattern {
            Pattern { text, start in start < text.count && accepts(text[start]) ? [start + 1] : [] }
        }

        /// Exact text, in any case if `ignoringCase` (ASCII letters only, as the patterns need).
        static func literal(_ literal: String, ignoringCase: Bool = false) -> Pattern {
            let expected = Array(literal.unicodeScalars)
            return Pattern { text, start in
                guard start + expected.count <= text.count else { return [] }
                for (offset, scalar) in expected.enumerated() {
                    let actual = text[start + offset]
                    guard actual == scalar || (ignoringCase && foldedASCII(actual) == foldedASCII(scalar)) else { return [] }
                }
                return [start + expected.count]
            }
        }

        /// The parts one after another.
        static func sequence(_ parts: [Pattern]) -> Pattern {
            Pattern { text, start in
                parts.reduce(into: Set([start])) { positions, part in
                    positions = Set(positions.flatMap { part.ends(text, $0) })
                }
            }
        }

        /// Any one of the alternatives.
        static func choice(_ alternatives: [Pattern]) -> Pattern {
            Pattern { text, start in alternatives.reduce(into: Set()) { $0.formUnion($1.ends(text, start)) } }
        }

        /// The pattern `minimum` to `maximum` times (`{m,n}`; `+` is `1, .max`).
        func repeated(_ minimum: Int, _ maximum: Int = .max) -> Pattern {
            let part = self
            return Pattern { text, start in
                var results: Set<Int> = minimum == 0 ? [start] : []
                var frontier: Set<Int> = [start]
                var seen: Set<Int> = []
                var count = 0
                while !frontier.isEmpty && count < maximum {
                    count += 1
                    frontier = Set(frontier.flatMap { part.ends(text, $0) })
                    // Past the minimum, a position reached again leads nowhere new.
                    if count >= minimum {
                        frontier.subtract(seen)
                        seen.formUnion(frontier)
                        results.formUnion(frontier)
                    }
                }
                return results
            }
        }

        /// The pattern or nothing (`?`).
        var optional: Pattern { repeated(0, 1) }

        /// Whether the pattern matches all of `text`, allowing the final
        /// newline that Python's `$` lets through.
        func matchesAll(_ text: [Unicode.Scalar]) -> Bool {
            let found = ends(text, 0)
            return found.contains(text.count) || (text.last == "\n" && found.contains(text.count - 1))
        }

        /// Whether the pattern matches exactly all of `text` (`re.fullmatch`).
        func matchesExactly(_ text: [Unicode.Scalar]) -> Bool {
            ends(text, 0).contains(text.count)
        }

        private static func foldedASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
    }
}

extension TemplateFilters.Pattern {
    /// Python's `\w`.
    static let word = scalar(TemplateFilters.isWordScalar)
    /// Python's `\d`.
    static let digit = scalar(PythonString.isDecimal)
    /// Python's `\S`.
    static let notSpace = scalar { !PythonString.isSpace($0) }
    /// `[a-z]` under `re.IGNORECASE`, which also lets in `İ`, `ı`, `ſ` and the Kelvin sign.
    static let letterIgnoringCase = scalar {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || [0x130, 0x131, 0x17F, 0x212A].contains($0.value)
    }

    /// A character class: `[\w%-]` is `anyOf("%-", or: [.word])`.
    static func anyOf(_ scalars: String, or classes: [TemplateFilters.Pattern] = []) -> TemplateFilters.Pattern {
        let set = Set(scalars.unicodeScalars)
        return .scalar { scalar in
            set.contains(scalar) || classes.contains { !$0.ends([scalar], 0).isEmpty }
        }
    }
}
