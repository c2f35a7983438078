/// Targets of `set`, `for`, `with`, macro parameters and import aliases.
/// Jinja parses them as expressions and then rejects what cannot be
/// assigned, naming the offending node ("can't assign to 'const'").
extension TemplateParser {
    mutating func parseAssignmentTarget(
        extraEndKeywords: [String] = [],
        allowsNamespace: Bool = false
    ) throws -> TemplateAssignmentTarget {
        let line = stream.current.line
        var items: [TemplateAssignmentTarget] = []
        var isTuple = false
        while true {
            if !items.isEmpty { try stream.expect(.operator(.comma)) }
            if isTupleEnd(extraEndKeywords) { break }
            items.append(try parseSingleTarget(allowsNamespace: allowsNamespace))
            guard stream.isOperator(.comma) else { break }
            isTuple = true
        }
        if !isTuple, let single = items.first { return single }
        if !isTuple {
            throw failure("Expected an expression, got '\(stream.current.kind.description)'", line: line)
        }
        return .tuple(items)
    }

    /// A name that may be bound, for macro names and parameters and import aliases.
    mutating func expectAssignableName() throws -> String {
        let line = stream.current.line
        let name = try stream.expectName()
        if ["true", "false", "none", "True", "False", "None"].contains(name) {
            throw failure("can't assign to 'name'", line: line)
        }
        return name
    }

    private mutating func parseSingleTarget(allowsNamespace: Bool) throws -> TemplateAssignmentTarget {
        let line = stream.current.line
        if allowsNamespace, case .name(let namespace) = stream.current.kind, stream.next.kind == .operator(.dot) {
            stream.advance()
            stream.advance()
            return .namespaceAttribute(namespace: namespace, attribute: try stream.expectName())
        }
        let expression = try parsePrimary()
        guard let target = Self.assignmentTarget(expression) else {
            throw failure("can't assign to '\(Self.jinjaNodeName(expression))'", line: line)
        }
        return target
    }

    private static func assignmentTarget(_ expression: TemplateExpression) -> TemplateAssignmentTarget? {
        switch expression {
        case .name(let name):
            return .name(name)
        case .tuple(let items):
            let targets = items.compactMap(assignmentTarget)
            return targets.count == items.count ? .tuple(targets) : nil
        default:
            return nil
        }
    }

    /// The lower-cased class name of the matching Jinja node.
    private static func jinjaNodeName(_ expression: TemplateExpression) -> String {
        switch expression {
        case .string, .integer, .largeInteger, .float, .boolean, .none: "const"
        case .list: "list"
        case .tuple: "tuple"
        case .dictionary: "dict"
        case .name: "name"
        case .attribute: "getattr"
        case .item: "getitem"
        case .slice: "slice"
        case .call: "call"
        case .filter: "filter"
        case .test: "test"
        case .not: "not"
        case .negate: "neg"
        case .positive: "pos"
        case .binary(let op, _, _):
            switch op {
            case .add: "add"
            case .subtract: "sub"
            case .multiply: "mul"
            case .divide: "div"
            case .floorDivide: "floordiv"
            case .modulo: "mod"
            case .power: "pow"
            case .and: "and"
            case .or: "or"
            }
        case .concat: "concat"
        case .compare: "compare"
        case .conditional: "condexpr"
        }
    }
}
