import Testing
@testable import AsyncWebTemplates

@Suite("Template lexer")
struct TemplateLexerTests {
    @Test func textWithoutTagsIsOneDataToken() throws {
        #expect(try lexed("hello") == [TemplateToken(kind: .data("hello"), line: 1)])
    }

    @Test func printTagProducesDelimitersAroundItsTokens() throws {
        let kinds = try lexed("Hi {{ name }}!").map(\.kind)
        #expect(kinds == [.data("Hi "), .variableBegin, .name("name"), .variableEnd, .data("!")])
    }

    @Test func minusStripsWhitespaceOnItsSide() throws {
        #expect(try lexedData("a  {{- x -}}  b") == ["a", "b"])
        #expect(try lexedData("a \n {%- if x -%} \n b{% endif %}") == ["a", "b"])
    }

    @Test func whitespaceIsKeptByDefault() throws {
        #expect(try lexedData("a\n  {% if x %}\n  b\n  {% endif %}\n") == ["a\n  ", "\n  b\n  "])
    }

    @Test func trimAndLstripBlocksRemoveTheTagsLines() throws {
        let options = TemplateSyntaxOptions(trimBlocks: true, lstripBlocks: true)
        #expect(try lexedData("a\n  {% if x %}\n  b\n  {% endif %}\n", options: options) == ["a\n", "  b\n"])
    }

    @Test func plusDisablesLstripForThatTag() throws {
        let options = TemplateSyntaxOptions(lstripBlocks: true)
        #expect(try lexedData("a\n  {%+ if x %}b{% endif %}", options: options) == ["a\n  ", "b"])
    }

    @Test func lstripBlocksLeavesPrintTagsAlone() throws {
        #expect(try lexedData("  {{ x }}", options: TemplateSyntaxOptions(lstripBlocks: true)) == ["  "])
    }

    @Test func plusBeforeBlockEndKeepsTheNewlineDespiteTrimBlocks() throws {
        let options = TemplateSyntaxOptions(trimBlocks: true)
        #expect(try lexedData("{% if a +%}\n  x", options: options) == ["\n  x"])
        #expect(try lexedData("{% if a %}\n  x", options: options) == ["  x"])
    }

    @Test func commentsVanishAndCanBeStrippedWithTheirLine() throws {
        let options = TemplateSyntaxOptions(trimBlocks: true, lstripBlocks: true)
        #expect(try lexed("  {# c #}\nx", options: options) == [TemplateToken(kind: .data("x"), line: 2)])
    }

    @Test func rawBlockKeepsTagsAsText() throws {
        #expect(try lexedData("{% raw %}{{ x }}{% endraw %}") == ["{{ x }}"])
    }

    @Test func rawBlockHonoursWhitespaceControl() throws {
        #expect(try lexedData("a {%- raw -%}  {{ x }}  {%- endraw -%} b") == ["a", "{{ x }}", "b"])
    }

    @Test func oneTrailingNewlineIsRemoved() throws {
        #expect(try lexedData("x\n") == ["x"])
        #expect(try lexedData("x\n\n") == ["x\n"])
    }

    @Test func keepTrailingNewlineKeepsIt() throws {
        #expect(try lexedData("x\n", options: TemplateSyntaxOptions(keepTrailingNewline: true)) == ["x\n"])
    }

    @Test func carriageReturnsBecomeNewlines() throws {
        #expect(try lexedData("x\r\ny\r") == ["x\ny"])
    }

    @Test func everyTokenCarriesItsLine() throws {
        let lines = try lexed("a\n{# one\ntwo #}\n{{ b }}\n{% if\nc %}").map(\.line)
        #expect(lines == [1, 3, 4, 4, 4, 4, 5, 5, 6, 6])
    }

    @Test func numbersFollowPythonLiterals() throws {
        let kinds = try lexed("{{ 1_000 0x_ff 0b101 0o17 1.5 1e3 2.5E-2 1_0.0_1 }}").map(\.kind)
        #expect(kinds == [
            .variableBegin, .integer(1000), .integer(255), .integer(5), .integer(15),
            .float(1.5), .float(1000), .float(0.025), .float(10.01), .variableEnd,
        ])
    }

    @Test func numberAfterDotIsAnIndexNotAFloat() throws {
        let kinds = try lexed("{{ a.0.1 }}").map(\.kind)
        #expect(kinds == [.variableBegin, .name("a"), .operator(.dot), .integer(0), .operator(.dot), .integer(1), .variableEnd])
    }

    @Test func stringsDecodePythonEscapes() throws {
        let kinds = try lexed(#"{{ 'a\n' "b\'" '\x41\u00e9\101' '\d' }}"#).map(\.kind)
        #expect(kinds == [.variableBegin, .string("a\n"), .string("b'"), .string("AéA"), .string("\\d"), .variableEnd])
    }

    @Test func longestOperatorWins() throws {
        let kinds = try lexed("{{ a//b**c!=d<=e }}").map(\.kind)
        #expect(kinds == [
            .variableBegin, .name("a"), .operator(.floorDivide), .name("b"), .operator(.power),
            .name("c"), .operator(.notEqual), .name("d"), .operator(.lessThanOrEqual), .name("e"), .variableEnd,
        ])
    }

    @Test func closingBracesInsideADictionaryDoNotEndThePrint() throws {
        let kinds = try lexed("{{ {'a': {'b': 1}} }}").map(\.kind)
        #expect(kinds == [
            .variableBegin, .operator(.leftBrace), .string("a"), .operator(.colon), .operator(.leftBrace),
            .string("b"), .operator(.colon), .integer(1), .operator(.rightBrace), .operator(.rightBrace), .variableEnd,
        ])
    }
}
