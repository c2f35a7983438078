import Testing
import AsyncWebTemplates

/// `pprint`: Python's `pprint.pformat`, 80 columns wide with sorted dictionaries.
@Suite("pprint filter")
struct PprintFilterTests {
    let text = FilterProbe.text

    @Test func shortValuesStayOnOneLineWithSortedKeys() throws {
        #expect(try text.render("pprint", ["b": 1, "a": [2, 3]]) == "{'a': [2, 3], 'b': 1}")
        #expect(try text.render("pprint", .markup(Markup("<b>"))) == "Markup('<b>')")
    }

    @Test func keysOfDifferentTypesSortByTypeName() throws {
        #expect(try text.render("pprint", [2: "b", 1: "a", "x": 3]) == "{1: 'a', 2: 'b', 'x': 3}")
    }

    @Test func longListsPutOneElementOnEachLine() throws {
        let numbers = TemplateValue.list((0..<30).map(TemplateValue.int))
        #expect(try text.render("pprint", numbers) == "[" + (0..<30).map(String.init).joined(separator: ",\n ") + "]")
    }

    @Test func longStringsSplitAfterSpacesInParentheses() throws {
        let long = TemplateValue.string(String(repeating: "a long string ", count: 8))
        #expect(try text.render("pprint", long)
            == "('a long string a long string a long string a long string a long string a long '\n 'string a long string a long string ')")
    }

    @Test func nestedValuesIndentUnderTheirKey() throws {
        let value: TemplateValue = ["k": .string(String(repeating: "a long string ", count: 8)), "n": ["z": [1, 2], "a": .tuple(["t"])]]
        #expect(try text.render("pprint", value)
            == "{'k': 'a long string a long string a long string a long string a long string a '\n"
            + "      'long string a long string a long string ',\n 'n': {'a': ('t',), 'z': [1, 2]}}")
    }

    @Test func aWordTooLongForTheLineStaysWhole() throws {
        let word = String(repeating: "x", count: 100)
        #expect(try text.render("pprint", [.string(word)]) == "['\(word)']")
    }

    @Test func undefinedPrintsItsRepr() throws {
        #expect(try FilterProbe.strict.render("pprint", FilterProbe.strict.missing) == "Undefined")
    }
}
