/// Expressions compiled to closures that compute their value in a scope.
extension TemplateCompiler {
    func compile(_ expression: TemplateExpression, line: Int) throws -> TemplateEvaluator {
        switch expression {
        case .string(let text): return constant(.string(text))
        case .integer(let number): return constant(.int(number))
        case .largeInteger(let number): return constant(.bigInt(number))
        case .float(let number): return constant(.double(number))
        case .boolean(let flag): return constant(.bool(flag))
        case .none: return constant(.none)
        case .list(let elements):
            let elements = try elements.map { EvaluatorCell(evaluate: try compile($0, line: line)) }
            return { frame in .list(try elements.map { try $0.evaluate(frame) }) }
        case .tuple(let elements):
            let elements = try elements.map { EvaluatorCell(evaluate: try compile($0, line: line)) }
            return { frame in .tuple(try elements.map { try $0.evaluate(frame) }) }
        case .dictionary(let entries):
            let entries = try entries.map { (key: try compile($0.key, line: line), value: try compile($0.value, line: line)) }
            return { frame in
                var dictionary = TemplateDictionary(minimumCapacity: entries.count)
                for entry in entries { dictionary[try entry.key(frame)] = try entry.value(frame) }
                return .dictionary(dictionary)
            }
        case .name(let text):
            let name = TemplateName(text)
            if symbols.startsMissing(text) { return { frame in frame.resolveLocal(name) } }
            return { frame in frame.resolve(name) }
        case .attribute(let base, let name):
            let base = try compile(base, line: line)
            let name = TemplateAttributeName(name)
            return { frame in try frame.state.attribute(of: try base(frame), name) }
        case .item(let base, .slice(let start, let stop, let step)):
            let base = try compile(base, line: line)
            let bounds = try [start, stop, step].map { try $0.map { try compile($0, line: line) } }
            return { frame in
                let value = try base(frame)
                let limits = try bounds.map { try $0?(frame) }
                return try value.sliced(start: limits[0], stop: limits[1], step: limits[2])
            }
        case .item(let base, let index):
            let base = try compile(base, line: line)
            let index = try compile(index, line: line)
            return { frame in try frame.state.item(of: try base(frame), try index(frame)) }
        case .slice:
            throw failure(.syntax, "a slice is only allowed inside brackets", line: line)
        case .call(let callee, let arguments):
            return try compileCall(callee, arguments, line: line)
        case .filter(.string(let format), let filter) where filter.name == "format":
            return try compileFormat(format, filter, line: line)
        case .filter(let value, let filter):
            return try compileFilter(filter, on: try compile(value, line: line), line: line)
        case .test(let value, let name, let arguments):
            return try compileTest(name, arguments, on: try compile(value, line: line), line: line)
        case .not(let operand):
            let operand = try compile(operand, line: line)
            return { frame in .bool(!(try operand(frame).truth())) }
        case .negate(let operand):
            let operand = try compile(operand, line: line)
            return { frame in try TemplateValue.negate(try operand(frame)) }
        case .positive(let operand):
            let operand = try compile(operand, line: line)
            return { frame in try TemplateValue.positive(try operand(frame)) }
        case .binary(let operation, let lhs, let rhs):
            return try compileBinary(operation, try compile(lhs, line: line), try compile(rhs, line: line))
        case .concat(let operands):
            // Jinja folds a `~` of constants at compile time into a plain string,
            // so even `'<b>'|safe ~ 'x'` is escaped when printed.
            let isConstant = operands.allSatisfy(\.isConstant)
            return compileConcat(try operands.map { try compile($0, line: line) }, markupAware: !isConstant)
        case .compare(let first, let rest):
            return try compileComparison(try compile(first, line: line), rest, line: line)
        case .conditional(let then, let condition, let otherwise):
            var soft = self
            soft.isSoftFrame = true
            let then = try soft.compile(then, line: line)
            let condition = try soft.compile(condition, line: line)
            let otherwise = try otherwise.map { try soft.compile($0, line: line) }
            let missingElse = "the inline if-expression on line \(line) evaluated to false and no else section was defined."
            return { frame in
                if try condition(frame).truth() { return try then(frame) }
                // Jinja uses the plain Undefined here even when the environment is strict.
                return try otherwise?(frame) ?? .undefined(TemplateUndefined(.hint(missingElse), isStrict: false))
            }
        }
    }

    /// `"%.2f"|format(price)`: the format is known when compiling, so a
    /// number is formatted directly; anything else goes to the filter.
    private func compileFormat(_ format: String, _ filter: TemplateFilterCall, line: Int) throws -> TemplateEvaluator {
        let arguments = filter.arguments
        guard environment.configuration.filters["format"] == nil, let function = environment.filters["format"],
            let precision = PythonPercentFormat.fixedPointPrecision(format), arguments.positional.count == 1,
            arguments.keyword.isEmpty, arguments.variadic == nil, arguments.variadicKeywords == nil
        else {
            return try compileFilter(filter, on: constant(.string(format)), line: line)
        }
        let argument = try compile(arguments.positional[0], line: line)
        let autoescape = autoescape
        return { frame in
            let value = try argument(frame)
            if let text = PythonPercentFormat.fixedPoint(precision: precision, value) { return .string(text) }
            frame.state.autoescape = autoescape
            return try function(.string(format), TemplateCallArguments([value]), frame.state)
        }
    }

    private func constant(_ value: TemplateValue) -> TemplateEvaluator {
        { _ in value }
    }

    private func compileBinary(
        _ operation: TemplateBinaryOperator, _ lhs: @escaping TemplateEvaluator, _ rhs: @escaping TemplateEvaluator
    ) throws -> TemplateEvaluator {
        let apply: @Sendable (TemplateValue, TemplateValue) throws -> TemplateValue
        switch operation {
        case .and:
            return { frame in
                let left = try lhs(frame)
                return try left.truth() ? try rhs(frame) : left
            }
        case .or:
            return { frame in
                let left = try lhs(frame)
                return try left.truth() ? left : try rhs(frame)
            }
        case .add: apply = TemplateValue.add
        case .subtract: apply = TemplateValue.subtract
        case .multiply: apply = TemplateValue.multiply
        case .divide: apply = TemplateValue.divide
        case .floorDivide: apply = TemplateValue.floorDivide
        case .modulo:
            let autoescape = autoescape
            return { frame in
                frame.state.autoescape = autoescape
                return try TemplateValue.modulo(try lhs(frame), try rhs(frame))
            }
        case .power: apply = TemplateValue.power
        }
        return { frame in try apply(try lhs(frame), try rhs(frame)) }
    }

    /// `a ~ b`: the `str()` of each operand joined; with autoescaping on and
    /// a Markup operand, the others are escaped and the result is Markup
    /// (Jinja's `markup_join`).
    private func compileConcat(_ operands: [TemplateEvaluator], markupAware: Bool) -> TemplateEvaluator {
        let autoescape = autoescape && markupAware
        return { frame in
            let values = try operands.map { try $0(frame) }
            if autoescape, values.contains(where: { if case .markup = $0 { true } else { false } }) {
                var html = TemplateOutput()
                for value in values { try html.appendEscaped(value) }
                return .markup(Markup(html.text))
            }
            var text = ""
            for value in values { text += try value.text() }
            return .string(text)
        }
    }

    private func compileComparison(
        _ first: @escaping TemplateEvaluator, _ rest: [TemplateComparison], line: Int
    ) throws -> TemplateEvaluator {
        let links = try rest.map { (operator: $0.operator, operand: EvaluatorCell(evaluate: try compile($0.operand, line: line))) }
        if links.count == 1 {
            let (operation, operand) = (links[0].operator, links[0].operand.evaluate)
            return { frame in .bool(try Self.compare(try first(frame), operation, try operand(frame))) }
        }
        return { frame in
            var left = try first(frame)
            for link in links {
                let right = try link.operand.evaluate(frame)
                guard try Self.compare(left, link.operator, right) else { return .bool(false) }
                left = right
            }
            return .bool(true)
        }
    }

    static func compare(_ lhs: TemplateValue, _ operation: TemplateComparisonOperator, _ rhs: TemplateValue) throws -> Bool {
        switch operation {
        case .equal: try TemplateValue.isEqual(lhs, rhs)
        case .notEqual: try !TemplateValue.isEqual(lhs, rhs)
        case .lessThan: try TemplateValue.compareOrder(lhs, rhs, operator: "<")
        case .greaterThan: try TemplateValue.compareOrder(lhs, rhs, operator: ">")
        case .lessThanOrEqual: try TemplateValue.compareOrder(lhs, rhs, operator: "<=")
        case .greaterThanOrEqual: try TemplateValue.compareOrder(lhs, rhs, operator: ">=")
        case .in: try rhs.contains(lhs)
        case .notIn: try !rhs.contains(lhs)
        }
    }
}

extension TemplateExpression {
    /// Whether Jinja's optimizer would compute the expression at compile
    /// time: literals and what is built from them, filters included (all
    /// but `random`, which needs the render's context).
    var isConstant: Bool {
        switch self {
        case .string, .integer, .largeInteger, .float, .boolean, .none: true
        case .list(let elements), .tuple(let elements), .concat(let elements): elements.allSatisfy(\.isConstant)
        case .dictionary(let entries): entries.allSatisfy { $0.key.isConstant && $0.value.isConstant }
        case .not(let operand), .negate(let operand), .positive(let operand): operand.isConstant
        case .binary(_, let lhs, let rhs): lhs.isConstant && rhs.isConstant
        case .compare(let first, let rest): first.isConstant && rest.allSatisfy(\.operand.isConstant)
        case .filter(let value, let filter):
            filter.name != "random" && value.isConstant && filter.arguments.positional.allSatisfy(\.isConstant)
                && filter.arguments.keyword.allSatisfy(\.value.isConstant)
                && filter.arguments.variadic == nil && filter.arguments.variadicKeywords == nil
        default: false
        }
    }
}
