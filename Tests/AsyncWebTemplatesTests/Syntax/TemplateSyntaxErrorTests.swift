import Testing
@testable import AsyncWebTemplates

/// Every message and line below was produced by Jinja2 3.1.6 for the same template.
@Suite("Template syntax errors")
struct TemplateSyntaxErrorTests {
    private func expectError(_ source: String, _ message: String, line: Int = 1) {
        let error = syntaxError(source)
        #expect(error?.message == message)
        #expect(error?.line == line)
        #expect(error?.templateName == "t.html")
    }

    @Test func unclosedIfListsTheTagsJinjaWaitsFor() {
        expectError(
            "{% if x %}hello",
            "Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'."
        )
    }

    @Test func endOfTemplateIsReportedOnTheLastTokensLine() {
        expectError(
            "\n\n{% if a %}\n{% elif b %}\n{% else %}\n",
            "Unexpected end of template. Jinja was looking for the following tags: 'endif'. The innermost block that needs to be closed is 'if'.",
            line: 5
        )
    }

    @Test func unknownTag() {
        expectError("{% foo %}", "Encountered unknown tag 'foo'.")
        expectError("{% endfor %}", "Encountered unknown tag 'endfor'.")
    }

    @Test func wrongEndTagNamesTheOpenBlock() {
        expectError(
            "{% for a in b %}{% endif %}",
            "Encountered unknown tag 'endif'. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'."
        )
    }

    @Test func endTagOfAnOuterBlockIsANestingMistake() {
        expectError(
            "{% for a in b %}{% if c %}{% endfor %}",
            "Encountered unknown tag 'endfor'. You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'."
        )
    }

    @Test func unbalancedBrackets() {
        expectError("{{ x }}\n{{ } }}", "unexpected '}'", line: 2)
        expectError("{{ (1, 2] }}", "unexpected ']', expected ')'")
    }

    @Test func unexpectedTokens() {
        expectError("{{ x y }}", "expected token 'end of print statement', got 'y'")
        expectError("line\n{{ x", "unexpected end of template, expected 'end of print statement'.", line: 2)
        expectError("{{ }}", "Expected an expression, got 'end of print statement'")
        expectError("{{ a ! b }}", "unexpected char '!' at 5")
        expectError("{{ a.(b) }}", "expected name or number")
    }

    @Test func unterminatedCommentAndRaw() {
        expectError("{# never closed", "Missing end of comment tag")
        expectError("{% raw %}never closed", "Missing end of raw directive")
    }

    @Test func malformedStringEscape() {
        expectError(#"{{ 'a\x4' }}"#, #"truncated \xXX escape"#)
    }

    @Test func statementSpecificMistakes() {
        expectError(
            "{% block my-block %}{% endblock %}",
            "Block names in Jinja have to be valid Python identifiers and may not contain hyphens, use an underscore instead."
        )
        expectError("{% block b required %}text{% endblock %}", "Required blocks can only contain comments or whitespace")
        expectError("{% macro m(a=1, b) %}{% endmacro %}", "non-default argument follows default argument")
        expectError("{% call foo %}{% endcall %}", "expected call")
        expectError("{% from 'm' import _private %}", "names starting with an underline can not be imported")
    }

    @Test func unassignableTargetsNameTheNode() {
        expectError("{% for 1 in x %}{% endfor %}", "can't assign to 'const'")
        expectError("{% set (a + b) = 1 %}", "can't assign to 'add'")
    }

    @Test func expressionMistakes() {
        expectError("{{ x is divisibleby is odd }}", "You cannot chain multiple tests with is")
        expectError("{{ f(a=1, 2) }}", "invalid syntax for function call expression")
    }

    @Test func descriptionNamesTheTemplateAndLine() {
        #expect(syntaxError("{% foo %}")?.description == "Encountered unknown tag 'foo'.\n  File \"t.html\", line 1")
    }
}
