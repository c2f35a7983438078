import Testing
import AsyncWebTemplates

/// `wordwrap`, which follows Python's `textwrap` line by line.
@Suite("wordwrap filter")
struct WordwrapFilterTests {
    let html = FilterProbe.html

    @Test func wrapsAtSpacesWithinTheWidth() throws {
        #expect(try html.render("wordwrap", "the quick brown fox jumps over the lazy dog", 10)
            == "the quick\nbrown fox\njumps over\nthe lazy\ndog")
        #expect(try html.render("wordwrap", "a\tb  c   d", 3) == "a\tb\nc\nd")
    }

    @Test func wrapsEachExistingLineOnItsOwn() throws {
        #expect(try html.render("wordwrap", "aaa bbb ccc\n\nddd eee", 7) == "aaa bbb\nccc\n\nddd eee")
    }

    @Test func breaksLongWordsUnlessToldNotTo() throws {
        #expect(try html.render("wordwrap", "abcdefghijklmnop xy", 5) == "abcde\nfghij\nklmno\np xy")
        #expect(try html.render("wordwrap", "abcdefghijklmnop xy", 5, false) == "abcdefghijklmnop\nxy")
    }

    @Test func breaksAfterHyphensAndBeforeEmDashes() throws {
        #expect(try html.render("wordwrap", "well-known long-winded words--with em--dashes", 8)
            == "well-\nknown\nlong-\nwinded\nwords--\nwith em\n--dashes")
        #expect(try html.render("wordwrap", "supercalifragilistic-expialidocious", 12) == "supercalifra\ngilistic-exp\nialidocious")
        #expect(try html.render("wordwrap", "well-known long-winded", 8, keyword: ["break_on_hyphens": false])
            == "well-kno\nwn long-\nwinded")
    }

    @Test func wrapstringIsEscapedUnlessMarkup() throws {
        let text: TemplateValue = "the quick brown fox jumps"
        #expect(try html.render("wordwrap", text, 10, keyword: ["wrapstring": "<br>"]) == "the quick&lt;br&gt;brown fox&lt;br&gt;jumps")
        #expect(try html.render("wordwrap", text, 10, keyword: ["wrapstring": .markup(Markup("<br>"))])
            == "the quick<br>brown fox<br>jumps")
    }

    @Test func markupComesOutAsPlainText() throws {
        #expect(try html.render("wordwrap", .markup(Markup("<b>it is</b> a-b")), 5) == "&lt;b&gt;it\nis&lt;/b\n&gt; a-b")
    }

    @Test func rejectsAWidthBelowOneAndValuesThatAreNotText() {
        #expect(throws: TemplateError(.value, "invalid width 0 (must be > 0)")) { try html.render("wordwrap", "x", 0) }
        #expect(throws: TemplateError(.attribute, "'int' object has no attribute 'splitlines'")) { try html.render("wordwrap", 5) }
    }
}
