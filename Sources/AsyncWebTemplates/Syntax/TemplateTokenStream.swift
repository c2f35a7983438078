/// What the parser requires next, described the way Jinja's
/// `describe_token_expr` words it in "expected token …" messages.
enum TemplateTokenExpectation: Sendable {
    /// A name with this exact spelling, such as `in` or `endfor`.
    case keyword(String)
    case name
    case `operator`(TemplateOperator)
    case blockEnd
    case variableEnd

    func matches(_ kind: TemplateTokenKind) -> Bool {
        switch (self, kind) {
        case (.keyword(let expected), .name(let name)): expected == name
        case (.name, .name), (.blockEnd, .blockEnd), (.variableEnd, .variableEnd): true
        case (.operator(let expected), .operator(let op)): expected == op
        default: false
        }
    }

    var description: String {
        switch self {
        case .keyword(let keyword): keyword
        case .name: "name"
        case .operator(let op): op.rawValue
        case .blockEnd: TemplateTokenKind.blockEnd.description
        case .variableEnd: TemplateTokenKind.variableEnd.description
        }
    }
}

/// A cursor over lexed tokens with one token of lookahead, which is all
/// Jinja's grammar needs.
struct TemplateTokenStream {
    private let tokens: [TemplateToken]
    private var index = 0
    let templateName: String?

    /// - Precondition: `tokens` ends with `.endOfTemplate`, as the lexer's output does.
    init(tokens: [TemplateToken], templateName: String?) {
        self.tokens = tokens
        self.templateName = templateName
    }

    var current: TemplateToken { tokens[index] }

    var isAtEnd: Bool { current.kind == .endOfTemplate }

    /// The token after the current one.
    var next: TemplateToken { tokens[min(index + 1, tokens.count - 1)] }

    /// Moves past the current token and returns it; stays on the end of template.
    @discardableResult
    mutating func advance() -> TemplateToken {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func skip(_ expectation: TemplateTokenExpectation) -> Bool {
        guard expectation.matches(current.kind) else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func expect(_ expectation: TemplateTokenExpectation) throws -> TemplateToken {
        guard expectation.matches(current.kind) else { throw mismatch(expecting: expectation) }
        return advance()
    }

    /// Consumes a name and returns its spelling.
    mutating func expectName() throws -> String {
        guard case .name(let name) = current.kind else { throw mismatch(expecting: .name) }
        advance()
        return name
    }

    /// Jinja's error for a token other than the one the grammar requires.
    func mismatch(expecting expectation: TemplateTokenExpectation) -> TemplateSyntaxError {
        let message = isAtEnd
            ? "unexpected end of template, expected '\(expectation.description)'."
            : "expected token '\(expectation.description)', got '\(current.kind.description)'"
        return TemplateSyntaxError(message: message, line: current.line, templateName: templateName)
    }

    func isKeyword(_ keyword: String) -> Bool {
        current.kind == .name(keyword)
    }

    func isOperator(_ op: TemplateOperator) -> Bool {
        current.kind == .operator(op)
    }
}
