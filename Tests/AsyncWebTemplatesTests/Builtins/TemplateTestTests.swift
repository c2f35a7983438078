import Testing
@testable import AsyncWebTemplates

/// Expectations from Jinja2 3.1 (`{{ value is name(arguments) }}`).
@Suite("Jinja tests")
struct TemplateTestTests {
    let state = makeState()

    func check(_ value: TemplateValue, is name: String, _ arguments: TemplateValue..., state: TemplateRenderState? = nil) throws -> Bool {
        let test = try #require(TemplateTests.builtins[name])
        return try test(value, TemplateCallArguments(arguments), state ?? self.state)
    }

    @Test func everyJinjaTestIsThere() {
        let names = [
            "boolean", "callable", "defined", "divisibleby", "eq", "equalto", "==", "escaped", "even", "false", "filter",
            "float", "ge", ">=", "gt", "greaterthan", ">", "in", "integer", "iterable", "le", "<=", "lower", "lt",
            "lessthan", "<", "mapping", "ne", "!=", "none", "number", "odd", "sameas", "sequence", "string", "test",
            "true", "undefined", "upper",
        ]
        #expect(Set(TemplateTests.builtins.keys) == Set(names))
    }

    @Test func oddEvenAndDivisibleByUsePythonsModulo() throws {
        #expect(try check(3, is: "odd") && !check(3, is: "even") && check(0, is: "even"))
        #expect(try check(3.0, is: "odd") && !check(1.5, is: "odd"))
        #expect(try check(true, is: "odd"))
        #expect(try check(9, is: "divisibleby", 3) && !check(10, is: "divisibleby", 3) && check(0, is: "divisibleby", 5))
        #expect(try check(3.0, is: "divisibleby", 1.5))
        #expect(throws: TemplateError(.zeroDivision, "integer modulo by zero")) { try check(3, is: "divisibleby", 0) }
        #expect(throws: TemplateError(.type, "not all arguments converted during string formatting")) { try check("a", is: "odd") }
    }

    @Test func definedAndUndefinedNeverFailEvenWhenStrict() throws {
        #expect(try check(.none, is: "defined") && !check(undefinedValue(), is: "defined"))
        #expect(try check(undefinedValue(strict: true), is: "undefined"))
        #expect(try !check(undefinedValue(strict: true), is: "defined"))
    }

    @Test func typeTestsFollowJinja3() throws {
        #expect(try check(1, is: "integer") && !check(true, is: "integer") && !check(1.0, is: "integer"))
        #expect(try check(1.0, is: "float") && !check(1, is: "float"))
        #expect(try check(1, is: "number") && check(1.5, is: "number") && check(true, is: "number") && !check("1", is: "number"))
        #expect(try check(true, is: "boolean") && !check(1, is: "boolean"))
        #expect(try check(true, is: "true") && !check(1, is: "true") && check(false, is: "false") && !check(0, is: "false"))
        #expect(try check(.none, is: "none") && !check(0, is: "none") && !check(undefinedValue(), is: "none"))
        #expect(try check("a", is: "string") && check(.markup("<b>"), is: "string") && !check(1, is: "string"))
        #expect(try check(.markup("<b>"), is: "escaped") && !check("<b>", is: "escaped"))
        #expect(try check(["a": 1], is: "mapping") && !check([], is: "mapping"))
    }

    @Test func typeTestsOfUndefinedValuesAreFalseNotErrors() throws {
        for name in ["none", "boolean", "integer", "float", "number", "string", "mapping", "escaped"] {
            #expect(try !check(undefinedValue(strict: true), is: name))
        }
    }

    @Test func sequenceAndIterable() throws {
        #expect(try check([], is: "sequence") && check("ab", is: "sequence") && check(["a": 1], is: "sequence"))
        #expect(try !check(3, is: "sequence") && !check(.none, is: "sequence"))
        #expect(try check([], is: "iterable") && check("ab", is: "iterable") && !check(3, is: "iterable"))
        // Jinja's Undefined is an empty iterable; StrictUndefined refuses to be iterated.
        #expect(try check(undefinedValue(), is: "iterable") && check(undefinedValue(), is: "sequence"))
        #expect(try !check(undefinedValue(strict: true), is: "sequence"))
        #expect(throws: TemplateError(.undefined, "'missing' is undefined")) { try check(undefinedValue(strict: true), is: "iterable") }
    }

    @Test func rangesAreSequencesButCyclersAreNot() throws {
        let range = try state.call(TemplateGlobals.builtins["range"]!, TemplateCallArguments([3]))
        let cycler = try state.call(TemplateGlobals.builtins["cycler"]!, TemplateCallArguments([1]))
        #expect(try check(range, is: "sequence") && check(range, is: "iterable"))
        #expect(try !check(cycler, is: "sequence") && !check(cycler, is: "iterable"))
        #expect(try !check(callMethod("items", on: ["a": 1]), is: "sequence"))
    }

    @Test func lowerAndUpperLookAtTheText() throws {
        #expect(try check("abc", is: "lower") && !check("Abc", is: "lower") && !check("", is: "lower"))
        #expect(try check("ABC", is: "upper") && !check("AbC", is: "upper") && check("A1", is: "upper"))
        #expect(try !check(1, is: "lower") && !check(undefinedValue(), is: "lower"))
        #expect(throws: TemplateError(.undefined, "'missing' is undefined")) { try check(undefinedValue(strict: true), is: "lower") }
    }

    @Test func comparisonsAndTheirAliases() throws {
        #expect(try check(1, is: "eq", 1) && !check(1, is: "equalto", 2) && check("a", is: "==", "a"))
        #expect(try check(1, is: "ne", 2) && !check(1, is: "!=", 1))
        #expect(try check(1, is: "lt", 2) && !check(1, is: "lessthan", 1) && check(2, is: "le", 2))
        #expect(try check(2, is: "gt", 1) && !check(2, is: "greaterthan", 3) && !check(2, is: "ge", 3) && check(3, is: ">=", 3))
        #expect(try check(undefinedValue(), is: "eq", undefinedValue()) && check(undefinedValue(), is: "ne", 1))
    }

    @Test func unorderableComparisonsNameTheTypesInWrittenOrder() {
        #expect(throws: TemplateError(.type, "'<' not supported between instances of 'int' and 'str'")) { try check(1, is: "lt", "a") }
        #expect(throws: TemplateError(.type, "'>' not supported between instances of 'int' and 'str'")) { try check(1, is: "gt", "a") }
        #expect(throws: TemplateError(.type, "'>=' not supported between instances of 'str' and 'int'")) { try check("a", is: "ge", 1) }
    }

    @Test func strictUndefinedFailsComparisons() {
        #expect(throws: TemplateError(.undefined, "'missing' is undefined")) { try check(undefinedValue(strict: true), is: "eq", 1) }
        #expect(throws: TemplateError(.undefined, "'missing' is undefined")) { try check(1, is: "ne", undefinedValue(strict: true)) }
        #expect(throws: TemplateError(.undefined, "'missing' is undefined")) { try check(undefinedValue(), is: "lt", 1) }
    }

    @Test func inLooksForElementsSubstringsAndKeys() throws {
        #expect(try check(2, is: "in", [1, 2]) && !check("x", is: "in", "abc") && check("a", is: "in", ["a": 1]))
        #expect(try !check(undefinedValue(), is: "in", [1]) && !check(1, is: "in", undefinedValue()))
        #expect(throws: TemplateError(.type, "'in <string>' requires string as left operand, not int")) { try check(1, is: "in", "abc") }
        #expect(throws: TemplateError(.undefined, "'missing' is undefined")) { try check(undefinedValue(strict: true), is: "in", [1]) }
    }

    @Test func sameasIsIdentityForSingletons() throws {
        #expect(try check(.none, is: "sameas", .none) && check(false, is: "sameas", false))
        #expect(try !check(0, is: "sameas", false) && !check(1, is: "sameas", 1.0) && !check([], is: "sameas", []))
        #expect(try check(1, is: "sameas", 1) && check("a", is: "sameas", "a"))
        #expect(try !check(undefinedValue(), is: "sameas", .none))
    }

    @Test func callableIncludesMethodsAndUndefined() throws {
        #expect(try check(state.attribute(of: "a", "upper"), is: "callable"))
        #expect(try !check("a", is: "callable") && !check(["a": 1], is: "callable"))
        // Jinja's Undefined defines __call__, so Python finds it callable.
        #expect(try check(undefinedValue(), is: "callable"))
    }

    @Test func filterAndTestAskTheEnvironment() throws {
        var configuration = TemplateEnvironment.Configuration()
        configuration.filters["shout"] = { value, _ in value }
        let state = TemplateRenderState(environment: TemplateEnvironment(configuration: configuration), autoescape: false)
        #expect(try check("shout", is: "filter", state: state) && !check("nope", is: "filter", state: state))
        #expect(try check("odd", is: "test") && !check("nope", is: "test") && !check(3, is: "filter"))
        #expect(try !check(undefinedValue(), is: "filter"))
        #expect(throws: TemplateError(.undefined, "'missing' is undefined")) { try check(undefinedValue(strict: true), is: "test") }
    }

    @Test func testsRejectExtraArguments() {
        #expect(throws: TemplateError.self) { try check(1, is: "odd", 2) }
        #expect(throws: TemplateError(.type, "test_divisibleby() missing 1 required positional argument: 'num'")) {
            try check(1, is: "divisibleby")
        }
    }
}
