import Testing
import AsyncWebTemplates

/// `capitalize`, `lower`, `upper`, `title`, `center`, `trim`, `string`,
/// `wordcount`, `replace`, `format`, `truncate` and `indent`, against Jinja 3.1.
@Suite("String filters")
struct StringFilterTests {
    let html = FilterProbe.html
    let markup = TemplateValue.markup(Markup("<b>it's a-b fOO</b> x"))

    @Test func caseFiltersFollowPythonsUnicodeMappings() throws {
        #expect(try html.render("capitalize", "hELLO wORLD") == "Hello world")
        #expect(try html.render("capitalize", "ǆemal") == "ǅemal")
        #expect(try html.render("upper", "straße") == "STRASSE")
        #expect(try html.render("lower", "ΟΔΟΣ") == "οδος")
    }

    @Test func caseFiltersKeepMarkupSafe() throws {
        #expect(try html.render("upper", markup) == "<B>IT'S A-B FOO</B> X")
        #expect(try html.render("lower", markup) == "<b>it's a-b foo</b> x")
    }

    @Test func titleStartsWordsAfterDashesSpacesAndBrackets() throws {
        #expect(try html.render("title", "hello wORLD foo-bar (x)[y]<z>") == "Hello World Foo-Bar (X)[Y]&lt;Z&gt;")
        #expect(try html.render("title", "it's o'neil") == "It&#39;s O&#39;neil")
    }

    @Test func titleOfMarkupIsPlainTextAsInJinja() throws {
        #expect(try html.render("title", markup) == "&lt;B&gt;it&#39;s A-B Foo&lt;/b&gt; X")
    }

    @Test func centerPadsOddMarginsOnTheRight() throws {
        #expect(try html.render("center", "ab", 6) == "  ab  ")
        #expect(try html.render("center", "abc", 8) == "  abc   ")
        #expect(try html.render("center", "abc") == String(repeating: " ", count: 38) + "abc" + String(repeating: " ", count: 39))
        #expect(try html.render("center", markup, 30) == "    <b>it's a-b fOO</b> x     ")
    }

    @Test func centerWidthMustBeAnInteger() {
        #expect(throws: TemplateError(.type, "'str' object cannot be interpreted as an integer")) {
            try html.render("center", "x", "a")
        }
    }

    @Test func trimStripsUnicodeWhitespaceOrGivenCharacters() throws {
        #expect(try html.render("trim", "\u{A0} x \u{3000}") == "x")
        #expect(try html.render("trim", "xxaxx", "x") == "a")
        #expect(throws: TemplateError(.type, "strip arg must be None or str")) { try html.render("trim", "x", 1) }
    }

    @Test func stringKeepsMarkupAndStringifiesTheRest() throws {
        #expect(try html.apply("string", 12) == "12")
        #expect(try html.apply("string", .none) == "None")
        #expect(try html.apply("string", markup) == markup)
    }

    @Test func wordcountCountsRunsOfWordCharacters() throws {
        #expect(try html.render("wordcount", "one two  three") == "3")
        #expect(try html.render("wordcount", "a-b c.d e_f é") == "6")
        #expect(try html.render("wordcount", "") == "0")
    }

    @Test func replaceEscapesTheReplacementUnderAutoescape() throws {
        #expect(try html.render("replace", "Hello World", "Hello", "Goodbye") == "Goodbye World")
        #expect(try html.render("replace", "aaaa", "a", "b", 2) == "bbaa")
        #expect(try html.render("replace", "a x b", "x", "<br>") == "a &lt;br&gt; b")
        #expect(try html.render("replace", markup, "x", "<br>") == "<b>it's a-b fOO</b> &lt;br&gt;")
        #expect(try html.render("replace", "<x>", "x", .markup(Markup("<br>"))) == "&lt;<br>&gt;")
        #expect(try FilterProbe.text.render("replace", "<x>", "x", .markup(Markup("<br>"))) == "<<br>>")
    }

    @Test func replaceOfEmptyTextInsertsBetweenCodePoints() throws {
        #expect(try html.render("replace", "abc", "", "-") == "-a-b-c-")
        #expect(try html.render("replace", "abc", "", "-", 2) == "-a-bc")
    }

    @Test func replaceNeedsOldAndNew() {
        #expect(throws: TemplateError(.type, "do_replace() missing 2 required positional arguments: 'old' and 'new'")) {
            try html.render("replace", "x")
        }
    }

    @Test func formatAppliesPercentFormatting() throws {
        #expect(try html.render("format", "%s - %s", "a", "b") == "a - b")
        #expect(try html.render("format", "%(x)s!", keyword: ["x": "kw"]) == "kw!")
        #expect(try html.render("format", .markup(Markup("<b>%s</b>")), "<i>") == "<b>&lt;i&gt;</b>")
    }

    @Test func formatRejectsPositionalAndKeywordTogether() {
        #expect(throws: TemplateError(.filterArgument, "can't handle positional and keyword arguments at the same time")) {
            try html.render("format", "%s", 1, keyword: ["x": 2])
        }
    }

    @Test func truncateCutsAtASpaceWithinTheLeeway() throws {
        let text: TemplateValue = "foo bar baz qux"
        #expect(try html.render("truncate", text, 9) == "foo...")
        #expect(try html.render("truncate", text, 9, true) == "foo ba...")
        #expect(try html.render("truncate", text, 13) == "foo bar baz qux")
        #expect(try html.render("truncate", text, 13, keyword: ["leeway": 0]) == "foo bar...")
        #expect(try html.render("truncate", text, 10, keyword: ["end": "…", "leeway": 0]) == "foo bar…")
    }

    @Test func truncateKeepsMarkupAndEscapesAPlainEnd() throws {
        #expect(try html.render("truncate", .markup(Markup("<b>bold text</b>")), 5, true, "", 0) == "<b>bo")
        #expect(try html.render("truncate", "a<b cdef", 5, keyword: ["end": .markup(Markup("<br>")), "leeway": 0]) == "a<br>")
    }

    @Test func truncateAssertsTheLengthFitsTheEnd() {
        #expect(throws: TemplateError(.failedAssertion, "expected length >= 3, got 2")) { try html.render("truncate", "abc", 2) }
        #expect(throws: TemplateError(.failedAssertion, "expected leeway >= 0, got -1")) {
            try html.render("truncate", "x", 5, keyword: ["leeway": -1])
        }
    }

    @Test func indentSkipsTheFirstAndBlankLinesByDefault() throws {
        #expect(try html.render("indent", "a\nb\n\nc") == "a\n    b\n\n    c")
        #expect(try html.render("indent", "a\nb", 2, true) == "  a\n  b")
        #expect(try html.render("indent", "a\n\nb\n", 2, keyword: ["blank": true]) == "a\n  \n  b\n  ")
        #expect(try html.render("indent", "a\r\nb\u{0B}c", 1) == "a\n b\n c")
    }

    @Test func indentTextIsEscapedUnlessTheSubjectIsMarkup() throws {
        #expect(try html.render("indent", "a\nb", "> ") == "a\n&gt; b")
        #expect(try html.render("indent", .markup(Markup("<a>\n<b>")), "> ") == "<a>\n> <b>")
    }

    @Test func indentNeedsText() {
        #expect(throws: TemplateError(.type, "unsupported operand type(s) for +=: 'int' and 'str'")) { try html.render("indent", 1) }
        #expect(throws: TemplateError(.undefined, "'missing' is undefined")) { try html.render("indent", html.missing) }
    }
}
