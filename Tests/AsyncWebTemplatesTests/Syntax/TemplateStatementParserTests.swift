import Testing
@testable import AsyncWebTemplates

@Suite("Template statement parser")
struct TemplateStatementParserTests {
    let a = TemplateExpression.name("a")
    let b = TemplateExpression.name("b")

    @Test func textAndPrintsKeepTheirLines() throws {
        #expect(try parsed("Hi\n{{ a }}") == [.text("Hi\n", line: 1), .print(a, line: 2)])
    }

    @Test func ifWithElifAndElse() throws {
        let expected = TemplateNode.conditional(
            branches: [
                TemplateConditionalBranch(condition: a, body: [.text("1", line: 1)]),
                TemplateConditionalBranch(condition: b, body: [.text("2", line: 1)]),
            ],
            otherwise: [.text("3", line: 1)],
            line: 1
        )
        #expect(try parsed("{% if a %}1{% elif b %}2{% else %}3{% endif %}") == [expected])
    }

    @Test func forUnpacksFiltersRecursesAndHasElse() throws {
        let loop = TemplateLoop(
            target: .tuple([.name("k"), .name("v")]),
            iterable: .call(.attribute(a, "items"), TemplateArguments()),
            filter: .name("v"),
            isRecursive: true,
            body: [.print(.name("k"), line: 1)],
            otherwise: [.text("none", line: 1)]
        )
        let source = "{% for k, v in a.items() if v recursive %}{{ k }}{% else %}none{% endfor %}"
        #expect(try parsed(source) == [.loop(loop, line: 1)])
    }

    @Test func setAssignsExpressionsTuplesAndNamespaceAttributes() throws {
        #expect(try parsed("{% set x = a %}") == [.assignment(target: .name("x"), value: a, line: 1)])
        #expect(try parsed("{% set x, y = a, b %}") == [
            .assignment(target: .tuple([.name("x"), .name("y")]), value: .tuple([a, b]), line: 1),
        ])
        #expect(try parsed("{% set ns.count = 1 %}") == [
            .assignment(target: .namespaceAttribute(namespace: "ns", attribute: "count"), value: .integer(1), line: 1),
        ])
    }

    @Test func blockSetCapturesItsBodyThroughFilters() throws {
        let expected = TemplateNode.blockAssignment(
            target: .name("x"), filters: [TemplateFilterCall(name: "upper")], body: [.text("hi", line: 1)], line: 1
        )
        #expect(try parsed("{% set x | upper %}hi{% endset %}") == [expected])
    }

    @Test func withBindsSeveralNames() throws {
        let expected = TemplateNode.with(
            bindings: [TemplateBinding(target: .name("x"), value: .integer(1)), TemplateBinding(target: .name("y"), value: a)],
            body: [.print(.name("x"), line: 1)],
            line: 1
        )
        #expect(try parsed("{% with x = 1, y = a %}{{ x }}{% endwith %}") == [expected])
    }

    @Test func blockReadsScopedRequiredAndRepeatedName() throws {
        let block = TemplateBlock(name: "body", isScoped: true, isRequired: true, body: [.text(" ", line: 1)])
        #expect(try parsed("{% block body scoped required %} {% endblock body %}") == [.block(block, line: 1)])
    }

    @Test func extendsAndIncludeTakeExpressions() throws {
        #expect(try parsed("{% extends 'base.html' %}") == [.extends(template: .string("base.html"), line: 1)])
        #expect(try parsed("{% include a ignore missing without context %}") == [
            .include(template: a, ignoreMissing: true, withContext: false, line: 1),
        ])
        #expect(try parsed("{% include a %}") == [.include(template: a, ignoreMissing: false, withContext: true, line: 1)])
    }

    @Test func importsDefaultToNoContext() throws {
        #expect(try parsed("{% import 'forms.html' as forms %}") == [
            .importModule(template: .string("forms.html"), alias: "forms", withContext: false, line: 1),
        ])
        let names = [TemplateImportedName(name: "input", alias: "field"), TemplateImportedName(name: "label", alias: nil)]
        #expect(try parsed("{% from 'forms.html' import input as field, label with context %}") == [
            .importNames(template: .string("forms.html"), names: names, withContext: true, line: 1),
        ])
    }

    @Test func macroParametersHaveOptionalDefaults() throws {
        let macro = TemplateMacro(
            name: "field",
            parameters: [TemplateParameter(name: "name", defaultValue: nil), TemplateParameter(name: "type", defaultValue: .string("text"))],
            body: [.print(.name("name"), line: 1)]
        )
        #expect(try parsed("{% macro field(name, type='text') %}{{ name }}{% endmacro %}") == [.macro(macro, line: 1)])
    }

    @Test func callBlockPassesCallerParameters() throws {
        let expected = TemplateNode.callBlock(
            parameters: [TemplateParameter(name: "user", defaultValue: nil)],
            call: .call(.name("render"), TemplateArguments(positional: [a])),
            body: [.print(.name("user"), line: 1)],
            line: 1
        )
        #expect(try parsed("{% call(user) render(a) %}{{ user }}{% endcall %}") == [expected])
    }

    @Test func filterAndAutoescapeBlocks() throws {
        #expect(try parsed("{% filter upper|trim %}x{% endfilter %}") == [
            .filterBlock(filters: [TemplateFilterCall(name: "upper"), TemplateFilterCall(name: "trim")], body: [.text("x", line: 1)], line: 1),
        ])
        #expect(try parsed("{% autoescape false %}x{% endautoescape %}") == [
            .autoescape(enabled: .boolean(false), body: [.text("x", line: 1)], line: 1),
        ])
    }

    @Test func printStatementPrintsEachExpression() throws {
        #expect(try parsed("{% print a, b %}") == [.print(a, line: 1), .print(b, line: 1)])
    }

    @Test func statementsRecordTheLineOfTheirTag() throws {
        let nodes = try parsed("x\n\n{% if a %}{% endif %}")
        #expect(nodes.map(\.line) == [1, 3])
    }
}
