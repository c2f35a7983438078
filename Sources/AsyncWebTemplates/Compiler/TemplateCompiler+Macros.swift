/// `{% macro %}` and `{% call %}`: bodies compiled once, bound to the scope
/// they are defined in each time the definition runs.
extension TemplateCompiler {
    mutating func compileMacroDefinition(_ macro: TemplateMacro, line: Int) throws -> TemplateRenderer {
        let compiled = try compileMacro(name: macro.name, parameters: macro.parameters, body: macro.body, line: line)
        let bind = compileBinder(.name(macro.name), exporting: isTopLevel)
        return { _, frame in try bind(frame, compiled.callable(definedIn: frame)) }
    }

    /// `{% call(parameters) macro(arguments) %}body{% endcall %}`: calls the
    /// macro with the body as `caller` and prints what it returns.
    mutating func compileCallBlock(
        parameters: [TemplateParameter], call: TemplateExpression, body: [TemplateNode], line: Int
    ) throws -> TemplateRenderer {
        guard case .call(let calleeExpression, let argumentExpressions) = call else {
            throw failure(.syntax, "expected a call after 'call'", line: line)
        }
        let caller = try compileMacro(name: "caller", parameters: parameters, body: body, line: line)
        let callee = try compile(calleeExpression, line: line)
        let arguments = try compileArguments(argumentExpressions, line: line)
        let autoescape = autoescape
        return { output, frame in
            let function = try callee(frame)
            var values = try arguments(frame)
            values.keyword.append((name: "caller", value: caller.callable(definedIn: frame)))
            frame.state.autoescape = autoescape
            let result = try frame.state.call(function, values)
            if autoescape {
                try output.appendEscaped(result)
            } else {
                try output.appendText(result)
            }
        }
    }

    private mutating func compileMacro(
        name: String, parameters: [TemplateParameter], body: [TemplateNode], line: Int
    ) throws -> CompiledMacro {
        guard parameters.count <= 64 else {
            throw failure(.assertion, "macro '\(name)' has more than 64 parameters", line: line)
        }
        let references = TemplateNameReferences(body)
        let explicitCaller = parameters.first { $0.name == "caller" }
        if references.contains("caller"), let explicitCaller, explicitCaller.defaultValue == nil {
            throw failure(
                .assertion,
                "When defining macros or call blocks the special \"caller\" argument must be omitted or be given a default.",
                line: line)
        }
        let isDeclared = Set(parameters.map(\.name))
        let scope = TemplateSymbols(parent: symbols)
        parameters.forEach { scope.declareParameter($0.name) }
        parameters.compactMap(\.defaultValue).forEach(scope.load)
        scope.visit(body)
        for special in ["caller", "varargs", "kwargs"] where references.contains(special) && !isDeclared.contains(special) {
            scope.declareParameter(special)
        }
        return try inInnerFrame(scope: scope, checksOutput: false) { compiler in
            CompiledMacro(
                name: name,
                parameters: try parameters.map {
                    MacroParameter(
                        name: TemplateName($0.name),
                        defaultValue: try $0.defaultValue.map { EvaluatorCell(evaluate: try compiler.compile($0, line: line)) })
                },
                body: try compiler.compile(body),
                catchesVarargs: references.contains("varargs") && !isDeclared.contains("varargs"),
                catchesKeywords: references.contains("kwargs") && !isDeclared.contains("kwargs"),
                readsCaller: references.contains("caller"),
                declaresCaller: explicitCaller != nil
            )
        }
    }
}

/// A macro's compiled body and signature, with Jinja's rules for binding a call to it.
struct CompiledMacro: Sendable {
    let name: String
    let parameters: [MacroParameter]
    let body: TemplateRenderer
    /// The body reads `varargs`, so extra positional arguments are allowed.
    let catchesVarargs: Bool
    /// The body reads `kwargs`, so unknown keyword arguments are allowed.
    let catchesKeywords: Bool
    /// The body reads `caller` and does not declare it, so a `{% call %}`
    /// passes it apart from the parameters.
    let acceptsCaller: Bool

    /// Jinja's macro attributes: `name`, `arguments`, `catch_kwargs`, `catch_varargs`, `caller`.
    let attributes: [String: TemplateValue]

    init(
        name: String, parameters: [MacroParameter], body: @escaping TemplateRenderer,
        catchesVarargs: Bool, catchesKeywords: Bool, readsCaller: Bool, declaresCaller: Bool
    ) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.catchesVarargs = catchesVarargs
        self.catchesKeywords = catchesKeywords
        // A declared `caller` is an ordinary parameter that a `{% call %}` fills by keyword.
        self.acceptsCaller = readsCaller && !declaresCaller
        attributes = [
            "name": .string(name), "arguments": .tuple(parameters.map { .string($0.name.text) }),
            "catch_kwargs": .bool(catchesKeywords), "catch_varargs": .bool(catchesVarargs), "caller": .bool(readsCaller),
        ]
    }

    /// The macro as a value that runs in `frame`, the scope it was defined in.
    func callable(definedIn frame: TemplateFrame) -> TemplateValue {
        frame.state.scopes.append(frame)
        return .callable(TemplateCallable(
            name: name, attributes: attributes,
            withState: { arguments, state in
                // The output is Markup when the caller escapes, as Jinja decides
                // at the call, not where the macro was defined.
                let callerEscapes = state.autoescape
                var output = TemplateOutput(reservingCapacity: 128)
                try state.nested { try body(&output, try scope(for: arguments, definedIn: frame)) }
                return callerEscapes ? .markup(Markup(output.text)) : .string(output.text)
            },
            render: { arguments, state, output in
                var scope = try scope(for: arguments, definedIn: frame)
                try state.nested { try body(&output, scope) }
                TemplateFrame.recycle(&scope)
            },
            renderWithOneArgument: { argument, state, output in
                var scope = try scope(forOne: argument, definedIn: frame)
                try state.nested { try body(&output, scope) }
                TemplateFrame.recycle(&scope)
            }
        ))
    }

    /// The scope for a call with one positional argument, the commonest
    /// call, bound without building an argument list.
    private func scope(forOne argument: TemplateValue, definedIn definition: TemplateFrame) throws -> TemplateFrame {
        guard !parameters.isEmpty else { return try scope(for: TemplateCallArguments([argument]), definedIn: definition) }
        let scope = TemplateFrame.scope(in: definition, capacity: parameters.count + 3)
        scope.defineNew(parameters[0].name, argument)
        try complete(scope, bound: 1, extraPositional: [], extraKeywords: [:], caller: nil)
        return scope
    }

    /// The scope a call runs in: the parameters bound to the arguments as
    /// Jinja binds them, inside the scope the macro was defined in.
    private func scope(for arguments: TemplateCallArguments, definedIn definition: TemplateFrame) throws -> TemplateFrame {
        let scope = TemplateFrame.scope(in: definition, capacity: parameters.count + 3)
        let positional = arguments.positional
        if positional.count > parameters.count, !catchesVarargs {
            throw TemplateError(.type, "macro '\(name)' takes not more than \(parameters.count) argument(s)")
        }
        // One bit per parameter (the compiler allows at most 64).
        var bound: UInt64 = 0
        for (index, value) in zip(parameters.indices, positional) {
            scope.defineNew(parameters[index].name, value)
            bound |= 1 << index
        }
        var extraKeywords = TemplateDictionary()
        var caller: TemplateValue?
        for (keyword, value) in arguments.keyword {
            // As in Jinja, a keyword for a parameter already bound by position is an extra keyword.
            if let index = parameters.firstIndex(where: { $0.name.text == keyword }), bound & (1 << index) == 0 {
                scope.define(parameters[index].name, value)
                bound |= 1 << index
            } else if keyword == "caller", acceptsCaller {
                caller = value
            } else if catchesKeywords {
                extraKeywords[.string(keyword)] = value
            } else if keyword == "caller" {
                throw TemplateError(
                    .type,
                    "macro '\(name)' was invoked with two values for the special caller argument. This is most likely a bug.")
            } else {
                throw TemplateError(.type, "macro '\(name)' takes no keyword argument '\(keyword)'")
            }
        }
        try complete(
            scope, bound: bound, extraPositional: Array(positional.dropFirst(parameters.count)),
            extraKeywords: extraKeywords, caller: caller)
        return scope
    }

    /// Defaults for the parameters no argument bound (`bound` has a bit for
    /// each that one did), then `caller`, `varargs` and `kwargs` where the body reads them.
    private func complete(
        _ scope: TemplateFrame, bound: UInt64, extraPositional: [TemplateValue], extraKeywords: TemplateDictionary,
        caller: TemplateValue?
    ) throws {
        if bound != (1 << parameters.count) &- 1 {
            for index in parameters.indices where bound & (1 << index) == 0 {
                let value = try parameters[index].defaultValue?.evaluate(scope)
                    ?? scope.state.undefined(.hint("parameter '\(parameters[index].name.text)' was not provided"))
                scope.define(parameters[index].name, value)
            }
        }
        if acceptsCaller { scope.define(.caller, caller ?? scope.state.undefined(.hint("No caller defined"))) }
        if catchesVarargs { scope.define(.varargs, .tuple(extraPositional)) }
        if catchesKeywords { scope.define(.kwargs, .dictionary(extraKeywords)) }
    }
}

/// A macro parameter and its compiled default.
struct MacroParameter: Sendable {
    let name: TemplateName
    let defaultValue: EvaluatorCell?
}
