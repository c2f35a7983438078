internal import BigInt

/// One lexical unit of a template, with the line it starts on so every
/// later error can point at the right place.
struct TemplateToken: Sendable, Equatable {
    var kind: TemplateTokenKind
    var line: Int
}

/// What a token is. Keywords such as `if` or `endfor` are plain names, as
/// in Jinja, so the parser decides what is a keyword from context.
enum TemplateTokenKind: Sendable, Equatable {
    case data(String)
    case variableBegin
    case variableEnd
    case blockBegin
    case blockEnd
    case name(String)
    case string(String)
    case integer(Int)
    /// An integer literal too large for `Int`: Python's integers have no bound.
    case largeInteger(BigInt)
    case float(Double)
    case `operator`(TemplateOperator)
    case endOfTemplate

    /// The wording Jinja's `describe_token` uses, quoted in error messages.
    var description: String {
        switch self {
        case .data: "template data / text"
        case .variableBegin: "begin of print statement"
        case .variableEnd: "end of print statement"
        case .blockBegin: "begin of statement block"
        case .blockEnd: "end of statement block"
        case .name(let name): name
        case .string: "string"
        case .integer, .largeInteger: "integer"
        case .float: "float"
        case .operator(let op): op.rawValue
        case .endOfTemplate: "end of template"
        }
    }
}
