/// The statements Jinja knows without extensions.
enum TemplateStatementTag: String {
    case `for`, `if`, block, extends, print, macro, include, from, `import`, set, with, autoescape, call, filter
}

/// Parsing of `{% … %}` statements, one method per tag, as in Jinja's parser.
extension TemplateParser {
    mutating func parseStatement() throws -> [TemplateNode] {
        let token = stream.current
        guard case .name(let name) = token.kind else { throw failure("tag name expected", line: token.line) }
        guard let tag = TemplateStatementTag(rawValue: name) else {
            throw unclosedFailure(tag: name, awaiting: awaitedEndTags, line: token.line)
        }
        openTags.append(name)
        defer { openTags.removeLast() }
        let line = stream.advance().line
        switch tag {
        case .for: return [.loop(try parseLoop(), line: line)]
        case .if: return [try parseConditional(line: line)]
        case .block: return [.block(try parseBlock(), line: line)]
        case .extends: return [.extends(template: try parseExpression(), line: line)]
        case .print: return try parsePrint(line: line)
        case .macro: return [.macro(try parseMacro(), line: line)]
        case .include: return [try parseInclude(line: line)]
        case .from: return [try parseFromImport(line: line)]
        case .import: return [try parseImport(line: line)]
        case .set: return [try parseSet(line: line)]
        case .with: return [try parseWith(line: line)]
        case .autoescape:
            let enabled = try parseExpression()
            return [.autoescape(enabled: enabled, body: try parseStatementBody(until: ["endautoescape"]), line: line)]
        case .call: return [try parseCallBlock(line: line)]
        case .filter:
            let filters = try parseFilterChain(startingInline: true)
            return [.filterBlock(filters: filters, body: try parseStatementBody(until: ["endfilter"]), line: line)]
        }
    }

    private mutating func parseLoop() throws -> TemplateLoop {
        let target = try parseAssignmentTarget(extraEndKeywords: ["in"])
        try stream.expect(.keyword("in"))
        let iterable = try parseTuple(withConditional: false, extraEndKeywords: ["recursive"])
        let filter = stream.skip(.keyword("if")) ? try parseExpression() : nil
        let isRecursive = stream.skip(.keyword("recursive"))
        let body = try parseStatementBody(until: ["endfor", "else"], consumingEndTag: false)
        let otherwise = stream.advance().kind == .name("endfor") ? [] : try parseStatementBody(until: ["endfor"])
        return TemplateLoop(
            target: target, iterable: iterable, filter: filter, isRecursive: isRecursive, body: body, otherwise: otherwise
        )
    }

    private mutating func parseConditional(line: Int) throws -> TemplateNode {
        var branches: [TemplateConditionalBranch] = []
        while true {
            let condition = try parseTuple(withConditional: false)
            let body = try parseStatementBody(until: ["elif", "else", "endif"], consumingEndTag: false)
            branches.append(TemplateConditionalBranch(condition: condition, body: body))
            switch stream.advance().kind {
            case .name("elif"):
                continue
            case .name("else"):
                return .conditional(branches: branches, otherwise: try parseStatementBody(until: ["endif"]), line: line)
            default:
                return .conditional(branches: branches, otherwise: [], line: line)
            }
        }
    }

    private mutating func parseBlock() throws -> TemplateBlock {
        let name = try stream.expectName()
        let isScoped = stream.skip(.keyword("scoped"))
        let isRequired = stream.skip(.keyword("required"))
        if stream.isOperator(.minus) {
            throw failure(
                "Block names in Jinja have to be valid Python identifiers and may not contain hyphens, use an underscore instead."
            )
        }
        let body = try parseStatementBody(until: ["endblock"])
        if isRequired, !body.allSatisfy(Self.isWhitespaceText) {
            throw failure("Required blocks can only contain comments or whitespace")
        }
        _ = stream.skip(.keyword(name))
        return TemplateBlock(name: name, isScoped: isScoped, isRequired: isRequired, body: body)
    }

    private static func isWhitespaceText(_ node: TemplateNode) -> Bool {
        guard case .text(let text, _) = node else { return false }
        return !text.isEmpty && text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    private mutating func parsePrint(line: Int) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while stream.current.kind != .blockEnd {
            if !nodes.isEmpty { try stream.expect(.operator(.comma)) }
            nodes.append(.print(try parseExpression(), line: line))
        }
        return nodes
    }

    private mutating func parseMacro() throws -> TemplateMacro {
        let name = try expectAssignableName()
        let parameters = try parseSignature()
        return TemplateMacro(name: name, parameters: parameters, body: try parseStatementBody(until: ["endmacro"]))
    }

    private mutating func parseCallBlock(line: Int) throws -> TemplateNode {
        let parameters = stream.isOperator(.leftParenthesis) ? try parseSignature() : []
        let call = try parseExpression()
        guard case .call = call else { throw failure("expected call", line: line) }
        return .callBlock(parameters: parameters, call: call, body: try parseStatementBody(until: ["endcall"]), line: line)
    }

    /// `(a, b=1)` of a macro or call block; defaults must come last.
    private mutating func parseSignature() throws -> [TemplateParameter] {
        var parameters: [TemplateParameter] = []
        try stream.expect(.operator(.leftParenthesis))
        while !stream.isOperator(.rightParenthesis) {
            if !parameters.isEmpty { try stream.expect(.operator(.comma)) }
            let name = try expectAssignableName()
            if stream.skip(.operator(.assign)) {
                parameters.append(TemplateParameter(name: name, defaultValue: try parseExpression()))
            } else if parameters.contains(where: { $0.defaultValue != nil }) {
                throw failure("non-default argument follows default argument")
            } else {
                parameters.append(TemplateParameter(name: name, defaultValue: nil))
            }
        }
        try stream.expect(.operator(.rightParenthesis))
        return parameters
    }

    private mutating func parseSet(line: Int) throws -> TemplateNode {
        let target = try parseAssignmentTarget(allowsNamespace: true)
        if stream.skip(.operator(.assign)) {
            return .assignment(target: target, value: try parseTuple(), line: line)
        }
        let filters = stream.isOperator(.pipe) ? try parseFilterChain(startingInline: false) : []
        let body = try parseStatementBody(until: ["endset"])
        return .blockAssignment(target: target, filters: filters, body: body, line: line)
    }

    private mutating func parseWith(line: Int) throws -> TemplateNode {
        var bindings: [TemplateBinding] = []
        while stream.current.kind != .blockEnd {
            if !bindings.isEmpty { try stream.expect(.operator(.comma)) }
            let target = try parseAssignmentTarget()
            try stream.expect(.operator(.assign))
            bindings.append(TemplateBinding(target: target, value: try parseExpression()))
        }
        return .with(bindings: bindings, body: try parseStatementBody(until: ["endwith"]), line: line)
    }
}
