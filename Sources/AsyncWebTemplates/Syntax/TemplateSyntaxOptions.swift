/// The lexer switches that Jinja exposes on its `Environment`, with
/// Jinja's defaults, so templates written for Flask keep their whitespace.
struct TemplateSyntaxOptions: Sendable, Equatable {
    /// Drops the first newline after a block tag (`trim_blocks`).
    var trimBlocks = false
    /// Strips spaces and tabs from the start of a line up to a block or
    /// comment tag (`lstrip_blocks`).
    var lstripBlocks = false
    /// Keeps the single newline that ends the template (`keep_trailing_newline`).
    var keepTrailingNewline = false

    init(trimBlocks: Bool = false, lstripBlocks: Bool = false, keepTrailingNewline: Bool = false) {
        self.trimBlocks = trimBlocks
        self.lstripBlocks = lstripBlocks
        self.keepTrailingNewline = keepTrailingNewline
    }
}
