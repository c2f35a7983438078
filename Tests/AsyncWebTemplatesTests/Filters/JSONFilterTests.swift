import Testing
import AsyncWebTemplates

/// `tojson`: Python's `json.dumps(sort_keys=True)` made safe for HTML.
@Suite("tojson filter")
struct JSONFilterTests {
    let html = FilterProbe.html

    @Test func sortsKeysAndEscapesHTMLCharacters() throws {
        let value: TemplateValue = ["b": [1, 2.5, nil, true], "a": "x<y>&'z\"", "c": ["é": "ü"]]
        #expect(try html.render("tojson", value)
            == #"{"a": "x\u003cy\u003e\u0026\u0027z\"", "b": [1, 2.5, null, true], "c": {"\u00e9": "\u00fc"}}"#)
    }

    @Test func isMarkupEvenWithoutAutoescape() throws {
        #expect(try FilterProbe.text.apply("tojson", "<b>") == .markup(Markup(#""\u003cb\u003e""#)))
    }

    @Test func writesScalarsAsPythonsJSONDoes() throws {
        #expect(try html.render("tojson", 1.5) == "1.5")
        #expect(try html.render("tojson", .none) == "null")
        #expect(try html.render("tojson", .tuple([1, 2])) == "[1, 2]")
        #expect(try html.render("tojson", .double(.nan)) == "NaN")
        #expect(try html.render("tojson", "😀") == #""\ud83d\ude00""#)
    }

    @Test func indentsByCountOrText() throws {
        #expect(try html.render("tojson", ["b": [1, 2], "a": [:]], 2) == "{\n  \"a\": {},\n  \"b\": [\n    1,\n    2\n  ]\n}")
        #expect(try html.render("tojson", [1, [2]], "--") == "[\n--1,\n--[\n----2\n--]\n]")
    }

    @Test func sortsNumericKeysNumericallyAndRejectsMixedKeys() throws {
        #expect(try html.render("tojson", [2: "a", 1: "b"]) == #"{"1": "b", "2": "a"}"#)
        #expect(throws: TemplateError(.type, "'<' not supported between instances of 'str' and 'int'")) {
            try html.render("tojson", [1: "a", "b": 2])
        }
    }

    @Test func rejectsUndefinedValues() {
        #expect(throws: TemplateError(.type, "Object of type Undefined is not JSON serializable")) {
            try html.render("tojson", html.missing)
        }
    }
}
