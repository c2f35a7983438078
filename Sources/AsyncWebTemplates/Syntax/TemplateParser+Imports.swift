/// `extends`' siblings that load other templates: `include`, `import`
/// and `from … import`.
extension TemplateParser {
    mutating func parseInclude(line: Int) throws -> TemplateNode {
        let template = try parseExpression()
        let ignoreMissing = stream.isKeyword("ignore") && stream.next.kind == .name("missing")
        if ignoreMissing {
            stream.advance()
            stream.advance()
        }
        let withContext = parseContextClause() ?? true
        return .include(template: template, ignoreMissing: ignoreMissing, withContext: withContext, line: line)
    }

    mutating func parseImport(line: Int) throws -> TemplateNode {
        let template = try parseExpression()
        try stream.expect(.keyword("as"))
        let alias = try expectAssignableName()
        return .importModule(template: template, alias: alias, withContext: parseContextClause() ?? false, line: line)
    }

    mutating func parseFromImport(line: Int) throws -> TemplateNode {
        let template = try parseExpression()
        try stream.expect(.keyword("import"))
        var names: [TemplateImportedName] = []
        var withContext: Bool?
        while true {
            if !names.isEmpty { try stream.expect(.operator(.comma)) }
            guard case .name = stream.current.kind else { throw stream.mismatch(expecting: .name) }
            if let clause = parseContextClause() {
                withContext = clause
                break
            }
            let nameLine = stream.current.line
            let name = try expectAssignableName()
            if name.hasPrefix("_") {
                var error = failure("names starting with an underline can not be imported", line: nameLine)
                error.isAssertion = true
                throw error
            }
            let alias = stream.skip(.keyword("as")) ? try expectAssignableName() : nil
            names.append(TemplateImportedName(name: name, alias: alias))
            if let clause = parseContextClause() {
                withContext = clause
                break
            }
            if !stream.isOperator(.comma) { break }
        }
        return .importNames(template: template, names: names, withContext: withContext ?? false, line: line)
    }

    /// Consumes `with context` or `without context` and says which it was,
    /// or returns `nil` so the caller applies its own default.
    private mutating func parseContextClause() -> Bool? {
        guard stream.isKeyword("with") || stream.isKeyword("without"), stream.next.kind == .name("context") else {
            return nil
        }
        let withContext = stream.advance().kind == .name("with")
        stream.advance()
        return withContext
    }
}
