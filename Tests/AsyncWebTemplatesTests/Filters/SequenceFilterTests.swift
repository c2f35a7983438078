import Testing
import AsyncWebTemplates

/// `first`, `last`, `length`, `list`, `items`, `reverse`, `batch`, `slice`,
/// `join`, `sum` and `random`.
@Suite("Sequence filters")
struct SequenceFilterTests {
    let html = FilterProbe.html
    let markup = TemplateValue.markup(Markup("<b>"))

    @Test func firstAndLastOfListsStringsAndDictionaries() throws {
        #expect(try html.apply("first", [3, 2, 1]) == 3)
        #expect(try html.apply("last", [3, 2, 1]) == 1)
        #expect(try html.apply("first", "abc") == "a")
        #expect(try html.apply("last", ["a": 1, "b": 2]) == "b")
    }

    @Test func firstOfMarkupIsPlainButLastIsMarkup() throws {
        // Python iterates a str subclass as plain strings, but `reversed` indexes it.
        #expect(try html.apply("first", markup) == .string("<"))
        #expect(try html.apply("last", markup) == .markup(Markup(">")))
    }

    @Test func firstOfNothingIsUndefinedWithAHint() throws {
        let first = try html.apply("first", [])
        #expect(first.isUndefined)
        #expect(throws: TemplateError(.undefined, "No first item, sequence was empty.")) {
            try FilterProbe.strict.render("first", [])
        }
    }

    @Test func firstAndLastNeedSequences() {
        #expect(throws: TemplateError(.type, "'int' object is not iterable")) { try html.apply("first", 1) }
        #expect(throws: TemplateError(.type, "'int' object is not reversible")) { try html.apply("last", 1) }
    }

    @Test func lengthCountsCodePoints() throws {
        #expect(try html.apply("length", "e\u{301}") == 2)
        #expect(try html.apply("length", markup) == 3)
        #expect(try html.apply("count", ["a": 1, "b": 2]) == 2)
        #expect(throws: TemplateError(.type, "object of type 'NoneType' has no len()")) { try html.apply("length", .none) }
    }

    @Test func listSplitsStringsAndTakesDictionaryKeys() throws {
        #expect(try html.apply("list", "abc") == ["a", "b", "c"])
        #expect(try html.apply("list", ["a": 1, "b": 2]) == ["a", "b"])
        #expect(try html.apply("list", markup) == [.string("<"), .string("b"), .string(">")])
    }

    @Test func itemsGivesPairsOfADictionaryOnly() throws {
        #expect(try html.apply("items", ["a": 1, "b": 2]) == [.tuple(["a", 1]), .tuple(["b", 2])])
        #expect(try html.apply("items", html.missing) == [])
        #expect(throws: TemplateError(.type, "Can only get item pairs from a mapping.")) { try html.apply("items", [1]) }
    }

    @Test func reverseKeepsMarkupAndReversesElements() throws {
        #expect(try html.apply("reverse", "abc") == "cba")
        #expect(try html.apply("reverse", markup) == .markup(Markup(">b<")))
        #expect(try html.apply("reverse", [3, 2, 1]) == [1, 2, 3])
        #expect(try html.apply("reverse", ["a": 1, "b": 2]) == ["b", "a"])
        #expect(throws: TemplateError(.filterArgument, "argument must be iterable")) { try html.apply("reverse", 1) }
    }

    @Test func batchFillsOnlyTheLastBatch() throws {
        #expect(try html.apply("batch", [1, 2, 3, 4, 5, 6, 7], 3) == [[1, 2, 3], [4, 5, 6], [7]])
        #expect(try html.apply("batch", [1, 2, 3, 4], 3, "-") == [[1, 2, 3], [4, "-", "-"]])
        // Jinja compares the batch size with `==`, so a size of 0 starts with an empty batch.
        #expect(try html.apply("batch", "abc", 0) == [[], ["a", "b", "c"]])
    }

    @Test func sliceSpreadsTheRemainderOverTheFirstColumns() throws {
        #expect(try html.apply("slice", [1, 2, 3, 4, 5, 6, 7], 3) == [[1, 2, 3], [4, 5], [6, 7]])
        #expect(try html.apply("slice", [1, 2, 3, 4], 3, 0) == [[1, 2], [3, 0], [4, 0]])
        #expect(try html.apply("slice", [1, 2], 5) == [[1], [2], [], [], []])
        #expect(throws: TemplateError(.zeroDivision, "integer division or modulo by zero")) { try html.apply("slice", [1], 0) }
    }

    @Test func joinStringifiesElements() throws {
        #expect(try html.render("join", [1, "a", nil]) == "1aNone")
        #expect(try html.render("join", [1, "a", nil], ", ") == "1, a, None")
        #expect(try html.render("join", [["name": "a"], ["name": "b"]], ", ", keyword: ["attribute": "name"]) == "a, b")
    }

    @Test func joinUnderAutoescapeEscapesAllButMarkup() throws {
        #expect(try html.render("join", ["<a>", "b"], "<br>") == "&lt;a&gt;&lt;br&gt;b")
        #expect(try html.render("join", [markup, "<i>"], ", ") == "<b>, &lt;i&gt;")
        #expect(try html.render("join", ["<a>", "b"], .markup(Markup("<br>"))) == "&lt;a&gt;<br>b")
    }

    @Test func joinWithoutAutoescapeIsPlainText() throws {
        #expect(try FilterProbe.text.apply("join", [markup, "<i>"], ", ") == .string("<b>, <i>"))
    }

    @Test func sumAddsFromStart() throws {
        #expect(try html.apply("sum", [1, 2, 3]) == 6)
        #expect(try html.apply("sum", [1.5, 2]) == 3.5)
        #expect(try html.apply("sum", []) == 0)
        let prices: TemplateValue = [["price": 3], ["price": 4]]
        #expect(try html.apply("sum", prices, keyword: ["attribute": "price", "start": 100]) == 107)
        #expect(try html.apply("sum", [[1], [2]], keyword: ["start": []]) == [1, 2])
    }

    @Test func sumRejectsStrings() {
        #expect(throws: TemplateError(.type, "unsupported operand type(s) for +: 'int' and 'str'")) { try html.apply("sum", ["a"]) }
        #expect(throws: TemplateError(.type, "sum() can't sum strings [use ''.join(seq) instead]")) {
            try html.apply("sum", [1], keyword: ["start": "a"])
        }
    }

    @Test func randomPicksAnElementOrIsUndefined() throws {
        #expect(try html.apply("random", [7]) == 7)
        #expect([1, 2, 3].contains(try html.apply("random", [1, 2, 3])))
        #expect(try html.apply("random", []).isUndefined)
    }
}
