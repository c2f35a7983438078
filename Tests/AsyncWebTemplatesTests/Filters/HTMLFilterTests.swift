import Testing
import AsyncWebTemplates

/// `escape`, `forceescape`, `safe`, `striptags`, `xmlattr` and `urlencode`:
/// what becomes ``Markup`` and what is escaped on the way.
@Suite("HTML filters")
struct HTMLFilterTests {
    let html = FilterProbe.html
    let text = FilterProbe.text

    @Test func escapeEscapesQuotesAndAmpersands() throws {
        #expect(try html.render("escape", "<a href=\"x\">'&'</a>") == "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(try html.render("e", 5) == "5")
        #expect(try html.render("e", .none) == "None")
    }

    @Test func escapeGivesMarkupEvenWithoutAutoescape() throws {
        #expect(try text.apply("e", "<b>") == .markup(Markup("&lt;b&gt;")))
    }

    @Test func escapeLeavesMarkupAloneButForceescapeDoesNot() throws {
        let markup = TemplateValue.markup(Markup("<b>&amp;</b>"))
        #expect(try html.render("e", markup) == "<b>&amp;</b>")
        #expect(try html.render("forceescape", markup) == "&lt;b&gt;&amp;amp;&lt;/b&gt;")
        #expect(try html.render("forceescape", "<i>") == "&lt;i&gt;")
    }

    @Test func safeMarksTextAsMarkup() throws {
        #expect(try html.render("safe", "<b>") == "<b>")
        #expect(try html.render("safe", .none) == "None")
    }

    @Test func striptagsGivesPlainTextThatIsEscapedAgain() throws {
        #expect(try html.render("striptags", "<p>Hello   <b>World</b>\n</p><!-- c --> &amp; more") == "Hello World &amp; more")
        #expect(try html.render("striptags", .markup(Markup("<b>a &amp; b</b>"))) == "a &amp; b")
    }

    @Test func xmlattrSkipsNoneAndEscapesValues() throws {
        #expect(try html.render("xmlattr", ["class": "my list", "missing": nil, "id": "list-1"]) == " class=\"my list\" id=\"list-1\"")
        #expect(try html.render("xmlattr", ["href": "?a=1&b=\"2\"", "title": "<x>"], false)
            == "href=\"?a=1&amp;b=&#34;2&#34;\" title=\"&lt;x&gt;\"")
        #expect(try html.render("xmlattr", ["a": .markup(Markup("<b>")), "n": 1, "t": true]) == " a=\"<b>\" n=\"1\" t=\"True\"")
    }

    @Test func xmlattrIsPlainTextWithoutAutoescape() throws {
        #expect(try text.apply("xmlattr", ["a": "<"]) == .string(" a=\"&lt;\""))
    }

    @Test func xmlattrRejectsNamesAnHTMLParserWouldEnd() {
        #expect(throws: TemplateError(.value, "Invalid character in attribute name: 'a b'")) { try html.render("xmlattr", ["a b": 1]) }
        #expect(throws: TemplateError(.type, "expected string or bytes-like object, got 'int'")) { try html.render("xmlattr", [1: 2]) }
        #expect(throws: TemplateError(.attribute, "'int' object has no attribute 'items'")) { try html.render("xmlattr", 1) }
    }

    @Test func urlencodeQuotesStringsKeepingSlashes() throws {
        #expect(try html.render("urlencode", "a b&c/d?é") == "a%20b%26c/d%3F%C3%A9")
        #expect(try html.render("urlencode", "~_.-/ +") == "~_.-/%20%2B")
        #expect(try html.render("urlencode", 12) == "12")
    }

    @Test func urlencodeBuildsQueryStringsFromPairs() throws {
        #expect(try html.render("urlencode", ["n": 1, "q": "x y"]) == "n=1&amp;q=x+y")
        #expect(try html.render("urlencode", [["a", "1"], ["b", "&"]]) == "a=1&amp;b=%26")
        #expect(try html.render("urlencode", ["ab", "cd"]) == "a=b&amp;c=d")
    }

    @Test func urlencodeUnpacksEachPairAsPythonDoes() {
        #expect(throws: TemplateError(.value, "too many values to unpack (expected 2)")) { try html.render("urlencode", ["abc"]) }
        #expect(throws: TemplateError(.type, "cannot unpack non-iterable int object")) { try html.render("urlencode", [1]) }
    }
}
