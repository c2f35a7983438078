import Testing
@testable import AsyncWebTemplates

@Suite("Template expression parser")
struct TemplateExpressionParserTests {
    let a = TemplateExpression.name("a")
    let b = TemplateExpression.name("b")
    let c = TemplateExpression.name("c")

    @Test func literalsIncludePythonSpellings() throws {
        #expect(try parsedExpression("'x' \"y\"") == .string("xy"))
        #expect(try parsedExpression("42") == .integer(42))
        #expect(try parsedExpression("4.5") == .float(4.5))
        #expect(try parsedExpression("true") == .boolean(true))
        #expect(try parsedExpression("False") == .boolean(false))
        #expect(try parsedExpression("None") == TemplateExpression.none)
    }

    @Test func collectionsAllowTrailingCommas() throws {
        #expect(try parsedExpression("[1, 2,]") == .list([.integer(1), .integer(2)]))
        #expect(try parsedExpression("(1,)") == .tuple([.integer(1)]))
        #expect(try parsedExpression("()") == .tuple([]))
        #expect(try parsedExpression("{'k': a,}") == .dictionary([TemplateDictionaryEntry(key: .string("k"), value: a)]))
    }

    @Test func bareCommasMakeATuple() throws {
        #expect(try parsedExpression("a, b") == .tuple([a, b]))
    }

    @Test func attributesItemsAndSlices() throws {
        #expect(try parsedExpression("a.b") == .attribute(a, "b"))
        #expect(try parsedExpression("a[b]") == .item(a, b))
        #expect(try parsedExpression("a.0") == .item(a, .integer(0)))
        #expect(try parsedExpression("a[1:2:3]") == .item(a, .slice(start: .integer(1), stop: .integer(2), step: .integer(3))))
        #expect(try parsedExpression("a[:b]") == .item(a, .slice(start: nil, stop: b, step: nil)))
        #expect(try parsedExpression("a[::2]") == .item(a, .slice(start: nil, stop: nil, step: .integer(2))))
    }

    @Test func callsSplitArgumentsLikePython() throws {
        let arguments = TemplateArguments(
            positional: [.integer(1)],
            keyword: [TemplateKeywordArgument(name: "key", value: b)],
            variadic: c,
            variadicKeywords: .name("d")
        )
        #expect(try parsedExpression("a(1, key=b, *c, **d)") == .call(a, arguments))
    }

    @Test func filtersChainLeftToRight() throws {
        let expected = TemplateExpression.filter(
            .filter(a, TemplateFilterCall(name: "trim")),
            TemplateFilterCall(name: "default", arguments: TemplateArguments(positional: [.string("x")]))
        )
        #expect(try parsedExpression("a|trim|default('x')") == expected)
    }

    @Test func filterAppliesToTheUnaryExpression() throws {
        #expect(try parsedExpression("-a|abs") == .filter(.negate(a), TemplateFilterCall(name: "abs")))
    }

    @Test func filterBindsTighterThanArithmetic() throws {
        #expect(try parsedExpression("a + b|c") == .binary(.add, a, .filter(b, TemplateFilterCall(name: "c"))))
    }

    @Test func testsTakeParenthesesOrOneBareArgument() throws {
        #expect(try parsedExpression("a is defined") == .test(a, name: "defined", arguments: TemplateArguments()))
        let three = TemplateArguments(positional: [.integer(3)])
        #expect(try parsedExpression("a is divisibleby 3") == .test(a, name: "divisibleby", arguments: three))
        #expect(try parsedExpression("a is not divisibleby(3)") == .not(.test(a, name: "divisibleby", arguments: three)))
    }

    @Test func bareTestArgumentStopsAtBooleanOperators() throws {
        let test = TemplateExpression.test(a, name: "odd", arguments: TemplateArguments())
        #expect(try parsedExpression("a is odd and b") == .binary(.and, test, b))
    }

    @Test func orBindsLooserThanAndWhichBindsLooserThanNot() throws {
        #expect(try parsedExpression("a or b and not c") == .binary(.or, a, .binary(.and, b, .not(c))))
    }

    @Test func notAppliesToTheWholeComparison() throws {
        let membership = TemplateExpression.compare(a, [TemplateComparison(operator: .in, operand: b)])
        #expect(try parsedExpression("not a in b") == .not(membership))
        #expect(try parsedExpression("a not in b") == .compare(a, [TemplateComparison(operator: .notIn, operand: b)]))
    }

    @Test func comparisonsChain() throws {
        let expected = TemplateExpression.compare(a, [
            TemplateComparison(operator: .lessThan, operand: b),
            TemplateComparison(operator: .lessThanOrEqual, operand: c),
        ])
        #expect(try parsedExpression("a < b <= c") == expected)
    }

    @Test func multiplicationBindsTighterThanConcatWhichBindsTighterThanAddition() throws {
        let expected = TemplateExpression.binary(.add, a, .concat([b, .binary(.multiply, c, .integer(2))]))
        #expect(try parsedExpression("a + b ~ c * 2") == expected)
    }

    @Test func arithmeticIsLeftAssociative() throws {
        #expect(try parsedExpression("a - b - c") == .binary(.subtract, .binary(.subtract, a, b), c))
        #expect(try parsedExpression("a // b % c") == .binary(.modulo, .binary(.floorDivide, a, b), c))
    }

    /// Jinja 3.1 parses `**` left-associatively and after unary minus,
    /// unlike Python: `{{ -2**2 }}` renders 4 and `{{ 2**3**2 }}` renders 64.
    @Test func powerFollowsJinjaNotPython() throws {
        #expect(try parsedExpression("-2**2") == .binary(.power, .negate(.integer(2)), .integer(2)))
        #expect(try parsedExpression("2**3**2") == .binary(.power, .binary(.power, .integer(2), .integer(3)), .integer(2)))
    }

    @Test func conditionalExpressionElseIsOptional() throws {
        #expect(try parsedExpression("a if b else c") == .conditional(then: a, condition: b, otherwise: c))
        #expect(try parsedExpression("a if b") == .conditional(then: a, condition: b, otherwise: nil))
    }
}
