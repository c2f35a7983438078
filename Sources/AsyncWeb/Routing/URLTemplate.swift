internal import AsyncWebEncoding

/// A rule's path ready for building: literal text already percent-encoded,
/// and a slot for each placeholder, filled by its converter's `urlText`.
///
/// ```swift
/// // "/user/<name>/ü" → [.text("/user/"), .argument(0), .text("/%C3%BC")]
/// ```
struct URLTemplate: Sendable {
    enum Piece: Sendable {
        case text(String)
        /// The index of the rule's argument that goes here.
        case argument(Int)
    }

    let pieces: [Piece]

    init(tokens: [RulePattern.Token], argumentNames: [String]) {
        var pieces: [Piece] = []
        func appendText(_ text: String) {
            if case .text(let previous)? = pieces.last {
                pieces[pieces.count - 1] = .text(previous + text)
            } else {
                pieces.append(.text(text))
            }
        }
        for token in tokens {
            switch token {
            case .slash: appendText("/")
            case .text(let text): appendText(PercentEncoding.quote(text, safe: .path))
            case .placeholder(let name, _, _): pieces.append(.argument(argumentNames.firstIndex(of: name)!))
            }
        }
        self.pieces = pieces
    }
}
