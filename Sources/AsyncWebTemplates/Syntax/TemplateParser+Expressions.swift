/// Expression parsing by precedence, loosest first, exactly as Jinja
/// layers it: conditional, `or`, `and`, `not`, comparisons, `+ -`, `~`,
/// `* / // %`, `**`, unary `- +`, then primaries with their postfixes
/// and filters. Jinja's `**` is left-associative and binds looser than
/// unary minus, so `-2**2` is `(-2)**2` and `2**3**2` is `(2**3)**2`.
extension TemplateParser {
    /// A comma-separated list becomes a tuple; one expression stays as is.
    mutating func parseTuple(
        withConditional: Bool = true,
        extraEndKeywords: [String] = [],
        explicitParentheses: Bool = false
    ) throws -> TemplateExpression {
        var items: [TemplateExpression] = []
        var isTuple = false
        while true {
            if !items.isEmpty { try stream.expect(.operator(.comma)) }
            if isTupleEnd(extraEndKeywords) { break }
            items.append(try parseExpression(withConditional: withConditional))
            guard stream.isOperator(.comma) else { break }
            isTuple = true
        }
        if !isTuple, let single = items.first { return single }
        if !isTuple && !explicitParentheses {
            throw failure("Expected an expression, got '\(stream.current.kind.description)'")
        }
        return .tuple(items)
    }

    func isTupleEnd(_ extraEndKeywords: [String]) -> Bool {
        switch stream.current.kind {
        case .variableEnd, .blockEnd, .operator(.rightParenthesis): true
        case .name(let name): extraEndKeywords.contains(name)
        default: false
        }
    }

    mutating func parseExpression(withConditional: Bool = true) throws -> TemplateExpression {
        withConditional ? try parseConditional() : try parseOr()
    }

    private mutating func parseConditional() throws -> TemplateExpression {
        var expression = try parseOr()
        while stream.skip(.keyword("if")) {
            let condition = try parseOr()
            let otherwise = stream.skip(.keyword("else")) ? try parseConditional() : nil
            expression = .conditional(then: expression, condition: condition, otherwise: otherwise)
        }
        return expression
    }

    private mutating func parseOr() throws -> TemplateExpression {
        var left = try parseAnd()
        while stream.skip(.keyword("or")) {
            left = .binary(.or, left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws -> TemplateExpression {
        var left = try parseNot()
        while stream.skip(.keyword("and")) {
            left = .binary(.and, left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws -> TemplateExpression {
        stream.skip(.keyword("not")) ? .not(try parseNot()) : try parseComparison()
    }

    private static let comparisonOperators: [TemplateOperator: TemplateComparisonOperator] = [
        .equal: .equal, .notEqual: .notEqual, .lessThan: .lessThan, .lessThanOrEqual: .lessThanOrEqual,
        .greaterThan: .greaterThan, .greaterThanOrEqual: .greaterThanOrEqual,
    ]

    private mutating func parseComparison() throws -> TemplateExpression {
        let first = try parseAdditive()
        var comparisons: [TemplateComparison] = []
        while true {
            let comparison: TemplateComparisonOperator
            if case .operator(let op) = stream.current.kind, let mapped = Self.comparisonOperators[op] {
                stream.advance()
                comparison = mapped
            } else if stream.skip(.keyword("in")) {
                comparison = .in
            } else if stream.isKeyword("not"), stream.next.kind == .name("in") {
                stream.advance()
                stream.advance()
                comparison = .notIn
            } else {
                break
            }
            comparisons.append(TemplateComparison(operator: comparison, operand: try parseAdditive()))
        }
        return comparisons.isEmpty ? first : .compare(first, comparisons)
    }

    private mutating func parseAdditive() throws -> TemplateExpression {
        var left = try parseConcatenation()
        while true {
            if stream.skip(.operator(.plus)) {
                left = .binary(.add, left, try parseConcatenation())
            } else if stream.skip(.operator(.minus)) {
                left = .binary(.subtract, left, try parseConcatenation())
            } else {
                return left
            }
        }
    }

    private mutating func parseConcatenation() throws -> TemplateExpression {
        var operands = [try parseMultiplicative()]
        while stream.skip(.operator(.tilde)) {
            operands.append(try parseMultiplicative())
        }
        return operands.count == 1 ? operands[0] : .concat(operands)
    }

    private static let multiplicativeOperators: [TemplateOperator: TemplateBinaryOperator] = [
        .multiply: .multiply, .divide: .divide, .floorDivide: .floorDivide, .modulo: .modulo,
    ]

    private mutating func parseMultiplicative() throws -> TemplateExpression {
        var left = try parsePower()
        while case .operator(let op) = stream.current.kind, let binary = Self.multiplicativeOperators[op] {
            stream.advance()
            left = .binary(binary, left, try parsePower())
        }
        return left
    }

    private mutating func parsePower() throws -> TemplateExpression {
        var left = try parseUnary()
        while stream.skip(.operator(.power)) {
            left = .binary(.power, left, try parseUnary())
        }
        return left
    }

    /// Filters written after a unary operand apply to the whole unary
    /// expression: `-x|abs` is `(-x)|abs`, as in Jinja.
    private mutating func parseUnary(withFilters: Bool = true) throws -> TemplateExpression {
        var expression: TemplateExpression
        if stream.skip(.operator(.minus)) {
            expression = .negate(try parseUnary(withFilters: false))
        } else if stream.skip(.operator(.plus)) {
            expression = .positive(try parseUnary(withFilters: false))
        } else {
            expression = try parsePrimary()
        }
        expression = try parsePostfix(expression)
        return withFilters ? try parseFiltersAndTests(expression) : expression
    }

    mutating func parsePrimary() throws -> TemplateExpression {
        let token = stream.advance()
        switch token.kind {
        case .name("true"), .name("True"): return .boolean(true)
        case .name("false"), .name("False"): return .boolean(false)
        case .name("none"), .name("None"): return .none
        case .name(let name): return .name(name)
        case .string(var text):
            while case .string(let continuation) = stream.current.kind {
                text += continuation
                stream.advance()
            }
            return .string(text)
        case .integer(let value): return .integer(value)
        case .largeInteger(let value): return .largeInteger(value)
        case .float(let value): return .float(value)
        case .operator(.leftParenthesis):
            let expression = try parseTuple(explicitParentheses: true)
            try stream.expect(.operator(.rightParenthesis))
            return expression
        case .operator(.leftBracket): return .list(try parseListItems())
        case .operator(.leftBrace): return .dictionary(try parseDictionaryEntries())
        default: throw failure("unexpected '\(token.kind.description)'", line: token.line)
        }
    }

    private mutating func parseListItems() throws -> [TemplateExpression] {
        var items: [TemplateExpression] = []
        while !stream.isOperator(.rightBracket) {
            if !items.isEmpty { try stream.expect(.operator(.comma)) }
            if stream.isOperator(.rightBracket) { break }
            items.append(try parseExpression())
        }
        try stream.expect(.operator(.rightBracket))
        return items
    }

    private mutating func parseDictionaryEntries() throws -> [TemplateDictionaryEntry] {
        var entries: [TemplateDictionaryEntry] = []
        while !stream.isOperator(.rightBrace) {
            if !entries.isEmpty { try stream.expect(.operator(.comma)) }
            if stream.isOperator(.rightBrace) { break }
            let key = try parseExpression()
            try stream.expect(.operator(.colon))
            entries.append(TemplateDictionaryEntry(key: key, value: try parseExpression()))
        }
        try stream.expect(.operator(.rightBrace))
        return entries
    }
}
