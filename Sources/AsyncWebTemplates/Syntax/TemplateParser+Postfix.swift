/// What may follow a primary: `.attribute`, `[item]`, `(call)`,
/// `|filter` and `is test`.
extension TemplateParser {
    mutating func parsePostfix(_ base: TemplateExpression) throws -> TemplateExpression {
        var expression = base
        while true {
            if stream.isOperator(.dot) || stream.isOperator(.leftBracket) {
                expression = try parseSubscript(expression)
            } else if stream.isOperator(.leftParenthesis) {
                expression = .call(expression, try parseCallArguments())
            } else {
                return expression
            }
        }
    }

    mutating func parseFiltersAndTests(_ base: TemplateExpression) throws -> TemplateExpression {
        var expression = base
        while true {
            if stream.isOperator(.pipe) {
                for filter in try parseFilterChain(startingInline: false) {
                    expression = .filter(expression, filter)
                }
            } else if stream.isKeyword("is") {
                expression = try parseTest(expression)
            } else if stream.isOperator(.leftParenthesis) {
                expression = .call(expression, try parseCallArguments())
            } else {
                return expression
            }
        }
    }

    private mutating func parseSubscript(_ base: TemplateExpression) throws -> TemplateExpression {
        if stream.skip(.operator(.dot)) {
            let token = stream.advance()
            switch token.kind {
            case .name(let name): return .attribute(base, name)
            case .integer(let index): return .item(base, .integer(index))
            default: throw failure("expected name or number", line: token.line)
            }
        }
        try stream.expect(.operator(.leftBracket))
        var indexes: [TemplateExpression] = []
        while !stream.isOperator(.rightBracket) {
            if !indexes.isEmpty { try stream.expect(.operator(.comma)) }
            indexes.append(try parseSubscribed())
        }
        try stream.expect(.operator(.rightBracket))
        return .item(base, indexes.count == 1 ? indexes[0] : .tuple(indexes))
    }

    /// One index inside brackets: an expression or a `start:stop:step` slice.
    private mutating func parseSubscribed() throws -> TemplateExpression {
        var start: TemplateExpression?
        if !stream.skip(.operator(.colon)) {
            let expression = try parseExpression()
            guard stream.skip(.operator(.colon)) else { return expression }
            start = expression
        }
        let stop = isSliceBoundaryEnd ? nil : try parseExpression()
        var step: TemplateExpression?
        if stream.skip(.operator(.colon)), !isSliceBoundaryEnd {
            step = try parseExpression()
        }
        return .slice(start: start, stop: stop, step: step)
    }

    private var isSliceBoundaryEnd: Bool {
        stream.isOperator(.colon) || stream.isOperator(.rightBracket) || stream.isOperator(.comma)
    }

    /// `(a, b, key=c, *args, **kwargs)` in Python's order; a trailing comma is allowed.
    mutating func parseCallArguments() throws -> TemplateArguments {
        let line = try stream.expect(.operator(.leftParenthesis)).line
        var arguments = TemplateArguments()
        func ensure(_ isValid: Bool) throws {
            if !isValid { throw failure("invalid syntax for function call expression", line: line) }
        }
        var requiresComma = false
        while !stream.isOperator(.rightParenthesis) {
            if requiresComma {
                try stream.expect(.operator(.comma))
                if stream.isOperator(.rightParenthesis) { break }
            }
            if stream.skip(.operator(.multiply)) {
                try ensure(arguments.variadic == nil && arguments.variadicKeywords == nil)
                arguments.variadic = try parseExpression()
            } else if stream.skip(.operator(.power)) {
                try ensure(arguments.variadicKeywords == nil)
                arguments.variadicKeywords = try parseExpression()
            } else if case .name(let name) = stream.current.kind, stream.next.kind == .operator(.assign) {
                try ensure(arguments.variadicKeywords == nil)
                stream.advance()
                stream.advance()
                arguments.keyword.append(TemplateKeywordArgument(name: name, value: try parseExpression()))
            } else {
                try ensure(arguments.variadic == nil && arguments.variadicKeywords == nil && arguments.keyword.isEmpty)
                arguments.positional.append(try parseExpression())
            }
            requiresComma = true
        }
        try stream.expect(.operator(.rightParenthesis))
        return arguments
    }

    /// `|a|b(1)`, or `a|b(1)` when the first pipe is implied, as after
    /// `{% filter %}`.
    mutating func parseFilterChain(startingInline: Bool) throws -> [TemplateFilterCall] {
        var filters: [TemplateFilterCall] = []
        var isInline = startingInline
        while isInline || stream.skip(.operator(.pipe)) {
            isInline = false
            let name = try parseDottedName()
            let arguments = stream.isOperator(.leftParenthesis) ? try parseCallArguments() : TemplateArguments()
            filters.append(TemplateFilterCall(name: name, arguments: arguments))
        }
        return filters
    }

    private mutating func parseDottedName() throws -> String {
        var name = try stream.expectName()
        while stream.skip(.operator(.dot)) {
            name += "." + (try stream.expectName())
        }
        return name
    }

    /// `x is test`, `x is not test(args)`, or `x is test arg` with one
    /// argument and no parentheses, as Jinja allows.
    private mutating func parseTest(_ subject: TemplateExpression) throws -> TemplateExpression {
        stream.advance()
        let isNegated = stream.skip(.keyword("not"))
        let name = try parseDottedName()
        var arguments = TemplateArguments()
        if stream.isOperator(.leftParenthesis) {
            arguments = try parseCallArguments()
        } else if startsBareTestArgument {
            if stream.isKeyword("is") { throw failure("You cannot chain multiple tests with is") }
            arguments.positional = [try parsePostfix(try parsePrimary())]
        }
        let test = TemplateExpression.test(subject, name: name, arguments: arguments)
        return isNegated ? .not(test) : test
    }

    private var startsBareTestArgument: Bool {
        switch stream.current.kind {
        case .name("else"), .name("or"), .name("and"): false
        case .name, .string, .integer, .largeInteger, .float, .operator(.leftBracket), .operator(.leftBrace): true
        default: false
        }
    }
}
