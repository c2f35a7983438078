/// Calls, filters and tests, with the callee resolved at compile time
/// where it can be: filters and tests by name, methods of strings, lists
/// and dictionaries without making a bound method first.
extension TemplateCompiler {
    typealias ArgumentsEvaluator = @Sendable (TemplateFrame) throws -> TemplateCallArguments

    func compileArguments(_ arguments: TemplateArguments, line: Int) throws -> ArgumentsEvaluator {
        let positional = try arguments.positional.map { EvaluatorCell(evaluate: try compile($0, line: line)) }
        let keyword = try arguments.keyword.map { KeywordCell(name: $0.name, value: try compile($0.value, line: line)) }
        let variadic = try arguments.variadic.map { try compile($0, line: line) }
        let variadicKeywords = try arguments.variadicKeywords.map { try compile($0, line: line) }
        if positional.isEmpty, keyword.isEmpty, variadic == nil, variadicKeywords == nil {
            return { _ in TemplateCallArguments() }
        }
        // Literal arguments (`loop.cycle('odd', 'even')`) are the same every time: build them once.
        let literals = arguments.positional.compactMap(\.literalValue)
        let keywordLiterals = arguments.keyword.compactMap(\.value.literalValue)
        if literals.count == positional.count, keywordLiterals.count == keyword.count, variadic == nil,
            variadicKeywords == nil
        {
            let values = TemplateCallArguments(
                literals, keyword: zip(arguments.keyword, keywordLiterals).map { (name: $0.name, value: $1) })
            return { _ in values }
        }
        if positional.count == 1, keyword.isEmpty, variadic == nil, variadicKeywords == nil {
            let only = positional[0].evaluate
            return { frame in TemplateCallArguments([try only(frame)]) }
        }
        return { frame in
            var values = TemplateCallArguments(try positional.map { try $0.evaluate(frame) })
            values.keyword = try keyword.map { (name: $0.name, value: try $0.value(frame)) }
            if let variadic { values.positional += try variadic(frame).elements() }
            if let variadicKeywords {
                guard case .dictionary(let members) = try variadicKeywords(frame) else {
                    throw TemplateError(.type, "argument after ** must be a mapping")
                }
                for (key, value) in members {
                    guard case .string(let name) = key else { throw TemplateError(.type, "keywords must be strings") }
                    values.keyword.append((name: name, value: value))
                }
            }
            return values
        }
    }

    func compileCall(_ callee: TemplateExpression, _ arguments: TemplateArguments, line: Int) throws -> TemplateEvaluator {
        let autoescape = autoescape
        let arguments = try compileArguments(arguments, line: line)
        guard case .attribute(let receiverExpression, let method) = callee else {
            let callee = try compile(callee, line: line)
            return { frame in
                let function = try callee(frame)
                let values = try arguments(frame)
                frame.state.autoescape = autoescape
                return try frame.state.call(function, values)
            }
        }
        let receiver = try compile(receiverExpression, line: line)
        let writeBack = Self.writeBack(to: receiverExpression)
        return { frame in
            var value = try receiver(frame)
            switch value {
            case .object(let object):
                // `loop.cycle(…)` runs once per row in most templates: call it without binding a method.
                if let loop = object as? TemplateLoopState, let result = try loop.callMethod(method, try arguments(frame)) {
                    return result
                }
            case .string, .markup, .list, .tuple, .dictionary:
                guard TemplateMethods.exists(method, on: value) else { break }
                let values = try arguments(frame)
                frame.state.autoescape = autoescape
                let changesReceiver = TemplateMethods.isMutating(method, on: value)
                let result = try TemplateMethods.call(method, on: &value, values, state: frame.state) ?? .none
                if changesReceiver { writeBack?(frame, value) }
                return result
            default: break
            }
            let function = try frame.state.attribute(of: value, method)
            let values = try arguments(frame)
            frame.state.autoescape = autoescape
            return try frame.state.call(function, values)
        }
    }

    /// Where a method that changes its receiver (`items.append(x)`) stores
    /// the changed value: the variable or namespace attribute it was read
    /// from. Lists are values here, so this stands in for Python's shared
    /// references in the cases templates use.
    private static func writeBack(to receiver: TemplateExpression) -> (@Sendable (TemplateFrame, TemplateValue) -> Void)? {
        switch receiver {
        case .name(let name):
            let name = TemplateName(name)
            return { frame, value in frame.update(name, value) }
        case .attribute(.name(let name), let attribute):
            let name = TemplateName(name)
            return { frame, value in
                if case .object(let object) = frame.resolve(name), let namespace = object as? TemplateNamespace {
                    namespace.setAttribute(attribute, value, during: frame.state)
                }
            }
        default:
            return nil
        }
    }

    func compileFilter(
        _ filter: TemplateFilterCall, on value: @escaping TemplateEvaluator, line: Int
    ) throws -> TemplateEvaluator {
        let apply = try compileFilterChain([filter], line: line)
        return { frame in try apply(try value(frame), frame) }
    }

    /// Filters applied one after the other, as in `{% filter a|b %}`.
    func compileFilterChain(
        _ filters: [TemplateFilterCall], line: Int
    ) throws -> @Sendable (TemplateValue, TemplateFrame) throws -> TemplateValue {
        let autoescape = autoescape
        let chain = try filters.map { filter in
            FilterCell(function: try filterFunction(filter.name, line: line),
                       arguments: try compileArguments(filter.arguments, line: line))
        }
        if chain.count == 1 {
            let filter = chain[0]
            return { value, frame in
                let values = try filter.arguments(frame)
                frame.state.autoescape = autoescape
                return try filter.function(value, values, frame.state)
            }
        }
        return { value, frame in
            var result = value
            for filter in chain {
                let values = try filter.arguments(frame)
                frame.state.autoescape = autoescape
                result = try filter.function(result, values, frame.state)
            }
            return result
        }
    }

    func compileTest(
        _ name: String, _ arguments: TemplateArguments, on value: @escaping TemplateEvaluator, line: Int
    ) throws -> TemplateEvaluator {
        let test = try testFunction(name, line: line)
        let autoescape = autoescape
        let arguments = try compileArguments(arguments, line: line)
        return { frame in
            let subject = try value(frame)
            let values = try arguments(frame)
            frame.state.autoescape = autoescape
            return .bool(try test(subject, values, frame.state))
        }
    }
}

/// Unknown filters and tests: a compile-time error, except inside an `if`
/// or a conditional expression, where Jinja 3 fails only if the branch runs.
extension TemplateCompiler {
    private func filterFunction(_ name: String, line: Int) throws -> TemplateFilterFunction {
        if let function = environment.filters[name] { return function }
        guard isSoftFrame else { throw failure(.assertion, "No filter named '\(name)'.", line: line) }
        return { _, _, _ in throw TemplateError(.runtime, "No filter named '\(name)' found.") }
    }

    private func testFunction(_ name: String, line: Int) throws -> TemplateTestFunction {
        if let function = environment.tests[name] { return function }
        guard isSoftFrame else { throw failure(.assertion, "No test named '\(name)'.", line: line) }
        return { _, _, _ in throw TemplateError(.runtime, "No test named '\(name)' found.") }
    }
}

/// A keyword argument's compiled value, kept in a struct for the reason in ``RendererCell``.
struct KeywordCell: Sendable {
    let name: String
    let value: TemplateEvaluator
}

/// A filter and its compiled arguments, kept in a struct for the reason in ``RendererCell``.
struct FilterCell: Sendable {
    let function: TemplateFilterFunction
    let arguments: TemplateCompiler.ArgumentsEvaluator
}

extension TemplateExpression {
    /// The value of a literal scalar (`'odd'`, `2`, `none`), nil for anything else.
    var literalValue: TemplateValue? {
        switch self {
        case .string(let text): .string(text)
        case .integer(let number): .int(number)
        case .largeInteger(let number): .bigInt(number)
        case .float(let number): .double(number)
        case .boolean(let flag): .bool(flag)
        case .none: TemplateValue.none
        default: nil
        }
    }
}
