/// The operator and punctuation tokens allowed inside `{{ }}` and `{% %}`;
/// the raw value is the spelling, which Jinja also uses in error messages.
enum TemplateOperator: String, Sendable, CaseIterable {
    case plus = "+"
    case minus = "-"
    case divide = "/"
    case floorDivide = "//"
    case multiply = "*"
    case modulo = "%"
    case power = "**"
    case tilde = "~"
    case leftBracket = "["
    case rightBracket = "]"
    case leftParenthesis = "("
    case rightParenthesis = ")"
    case leftBrace = "{"
    case rightBrace = "}"
    case equal = "=="
    case notEqual = "!="
    case greaterThan = ">"
    case greaterThanOrEqual = ">="
    case lessThan = "<"
    case lessThanOrEqual = "<="
    case assign = "="
    case dot = "."
    case colon = ":"
    case pipe = "|"
    case comma = ","
    case semicolon = ";"

    /// The closing bracket the lexer must see before a tag may end, or
    /// `nil` when the operator opens nothing.
    var closingBracket: TemplateOperator? {
        switch self {
        case .leftBracket: .rightBracket
        case .leftParenthesis: .rightParenthesis
        case .leftBrace: .rightBrace
        default: nil
        }
    }
}
