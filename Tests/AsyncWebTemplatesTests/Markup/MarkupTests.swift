import AsyncWebTemplates
import Foundation
import Testing

@Suite("Markup and escape")
struct MarkupTests {
    @Test func escapeReplacesTheFiveHTMLCharacters() {
        #expect(escape("<a href=\"x\">'&'</a>").html == "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func markupIsNeverEscapedTwice() {
        let once = escape("<b>")
        #expect(escape(once) == once)
        #expect(escape(escape(escape("&"))).html == "&amp;")
    }

    @Test func interpolationEscapesValuesButNotMarkup() {
        let name = "<blink>hacker</blink>"
        let bold = Markup("<b>ok</b>")
        let page: Markup = "<strong>Hello \(name)!</strong> \(bold)"
        #expect(page.html == "<strong>Hello &lt;blink&gt;hacker&lt;/blink&gt;!</strong> <b>ok</b>")
    }

    @Test func concatenationEscapesThePlainSide() {
        let text = String("<x>")
        #expect((Markup("<p>") + text).html == "<p>&lt;x&gt;")
        #expect((text + Markup("</p>")).html == "&lt;x&gt;</p>")
    }

    @Test func escapingNilPrintsNoneLikePython() {
        let missing: String? = nil
        #expect(escape(missing).html == "None")
    }

    @Test func markupInsideAStringPrintsItsHTML() {
        #expect("Hello, \(escape("<b>"))!" == "Hello, &lt;b&gt;!")
    }

    @Test func agreesWithMarkupSafe() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let data = try Data(contentsOf: url.appendingPathComponent("markup/cases.json"))
        let cases = try JSONDecoder().decode([String: [[String: String]]].self, from: data)
        var checked = 0
        for item in cases["escape"] ?? [] {
            #expect(escape(item["input"]!).html == item["output"]!, "escape(\(item["input"]!.debugDescription))")
            checked += 1
        }
        for item in cases["striptags"] ?? [] {
            #expect(Markup(item["input"]!).striptags() == item["output"]!, "striptags(\(item["input"]!.debugDescription))")
            checked += 1
        }
        for item in cases["unescape"] ?? [] {
            #expect(Markup(item["input"]!).unescape() == item["output"]!, "unescape(\(item["input"]!.debugDescription))")
            checked += 1
        }
        for item in cases["format"] ?? [] {
            #expect(Markup(item["template"]!).formatted(item["argument"]!).html == item["output"]!)
            checked += 1
        }
        #expect(checked == 90)
    }
}
