/// Which names a piece of template reads, so the compiler only builds what
/// is used: a `loop` object only for loops that mention `loop`, `varargs`,
/// `kwargs` and `caller` only for macros that read them, `super` only for
/// blocks that call it.
struct TemplateNameReferences {
    private(set) var names: Set<String> = []

    init(_ nodes: [TemplateNode]) {
        visit(nodes)
    }

    init(_ expression: TemplateExpression) {
        visit(expression)
    }

    func contains(_ name: String) -> Bool { names.contains(name) }

    private mutating func visit(_ nodes: [TemplateNode]) {
        for node in nodes { visit(node) }
    }

    private mutating func visit(_ node: TemplateNode) {
        switch node {
        case .text: break
        case .print(let expression, _): visit(expression)
        case .conditional(let branches, let otherwise, _):
            for branch in branches {
                visit(branch.condition)
                visit(branch.body)
            }
            visit(otherwise)
        case .loop(let loop, _):
            visit(loop.iterable)
            if let filter = loop.filter { visit(filter) }
            visit(loop.body)
            visit(loop.otherwise)
        case .assignment(let target, let value, _):
            visit(target)
            visit(value)
        case .blockAssignment(let target, let filters, let body, _):
            visit(target)
            filters.forEach { visit($0.arguments) }
            visit(body)
        case .with(let bindings, let body, _):
            bindings.forEach { visit($0.value) }
            visit(body)
        case .block(let block, _): visit(block.body)
        case .extends(let template, _), .include(let template, _, _, _), .importModule(let template, _, _, _),
             .importNames(let template, _, _, _):
            visit(template)
        case .macro(let macro, _):
            macro.parameters.compactMap(\.defaultValue).forEach { visit($0) }
            visit(macro.body)
        case .callBlock(let parameters, let call, let body, _):
            parameters.compactMap(\.defaultValue).forEach { visit($0) }
            visit(call)
            visit(body)
        case .filterBlock(let filters, let body, _):
            filters.forEach { visit($0.arguments) }
            visit(body)
        case .autoescape(let enabled, let body, _):
            visit(enabled)
            visit(body)
        }
    }

    private mutating func visit(_ target: TemplateAssignmentTarget) {
        switch target {
        case .name: break
        case .tuple(let targets): targets.forEach { visit($0) }
        case .namespaceAttribute(let namespace, _): names.insert(namespace)
        }
    }

    private mutating func visit(_ arguments: TemplateArguments) {
        arguments.positional.forEach { visit($0) }
        arguments.keyword.forEach { visit($0.value) }
        if let variadic = arguments.variadic { visit(variadic) }
        if let variadicKeywords = arguments.variadicKeywords { visit(variadicKeywords) }
    }

    private mutating func visit(_ expression: TemplateExpression) {
        switch expression {
        case .string, .integer, .largeInteger, .float, .boolean, .none: break
        case .list(let elements), .tuple(let elements), .concat(let elements): elements.forEach { visit($0) }
        case .dictionary(let entries):
            for entry in entries {
                visit(entry.key)
                visit(entry.value)
            }
        case .name(let name): names.insert(name)
        case .attribute(let base, _), .not(let base), .negate(let base), .positive(let base): visit(base)
        case .item(let base, let index):
            visit(base)
            visit(index)
        case .slice(let start, let stop, let step):
            [start, stop, step].compactMap { $0 }.forEach { visit($0) }
        case .call(let callee, let arguments):
            visit(callee)
            visit(arguments)
        case .filter(let value, let filter):
            visit(value)
            visit(filter.arguments)
        case .test(let value, _, let arguments):
            visit(value)
            visit(arguments)
        case .binary(_, let lhs, let rhs):
            visit(lhs)
            visit(rhs)
        case .compare(let first, let rest):
            visit(first)
            rest.forEach { visit($0.operand) }
        case .conditional(let then, let condition, let otherwise):
            visit(then)
            visit(condition)
            if let otherwise { visit(otherwise) }
        }
    }
}
