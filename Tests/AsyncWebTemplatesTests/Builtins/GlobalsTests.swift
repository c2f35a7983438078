import Testing
@testable import AsyncWebTemplates

/// Expectations from Jinja2 3.1's globals under a plain (not sandboxed) environment.
@Suite("Jinja globals")
struct GlobalsTests {
    let state = makeState()

    func call(_ name: String, _ positional: TemplateValue..., keyword: [(name: String, value: TemplateValue)] = []) throws -> TemplateValue {
        try state.call(try #require(TemplateGlobals.builtins[name]), TemplateCallArguments(positional, keyword: keyword))
    }

    @Test func jinjasGlobalsAreThere() {
        #expect(Set(TemplateGlobals.builtins.keys) == ["range", "dict", "lipsum", "cycler", "joiner", "namespace"])
    }

    @Test func rangePrintsAsPythonsRange() throws {
        #expect(try call("range", 3).text() == "range(0, 3)")
        #expect(try call("range", 1, 9, 2).text() == "range(1, 9, 2)")
        #expect(try call("range", -5).text() == "range(0, -5)")
    }

    @Test func rangeCountsIteratesAndIndexes() throws {
        #expect(try call("range", 10).count() == 10)
        #expect(try call("range", 0, 10, 3).elements() == [0, 3, 6, 9])
        #expect(try call("range", 5, 0, -2).elements() == [5, 3, 1])
        #expect(try call("range", 5, 1).elements() == [])
        #expect(try call("range", 0, -10, -4).count() == 3)
        let range = try call("range", 10)
        #expect(try state.item(of: range, 2) == 2)
        #expect(try state.item(of: range, -1) == 9)
        #expect(try state.item(of: range, 20).isUndefined)
    }

    @Test func rangeHasPythonsAttributes() throws {
        let range = try call("range", 1, 10, 3)
        #expect(try state.attribute(of: range, "start") == 1)
        #expect(try state.attribute(of: range, "stop") == 10)
        #expect(try state.attribute(of: range, "step") == 3)
        #expect(try state.call(state.attribute(of: range, "index"), TemplateCallArguments([4])) == 1)
        #expect(try state.call(state.attribute(of: range, "count"), TemplateCallArguments([4.0])) == 1)
        #expect(throws: TemplateError(.value, "5 is not in range")) {
            try state.call(state.attribute(of: range, "index"), TemplateCallArguments([5]))
        }
    }

    @Test func rangeChecksItsArgumentsAsPythonDoes() {
        #expect(throws: TemplateError(.type, "range expected at least 1 argument, got 0")) { try call("range") }
        #expect(throws: TemplateError(.type, "range expected at most 3 arguments, got 4")) { try call("range", 1, 2, 3, 4) }
        #expect(throws: TemplateError(.type, "'float' object cannot be interpreted as an integer")) { try call("range", 1.5) }
        #expect(throws: TemplateError(.value, "range() arg 3 must not be zero")) { try call("range", 0, 10, 0) }
        #expect(throws: TemplateError(.type, "range() takes no keyword arguments")) { try call("range", keyword: [("step", 1)]) }
    }

    @Test func dictBuildsFromKeywordsMappingsAndPairs() throws {
        #expect(try call("dict", keyword: [("a", 1), ("b", "x")]).text() == "{'a': 1, 'b': 'x'}")
        #expect(try call("dict", ["a": 1], keyword: [("b", 2)]) == ["a": 1, "b": 2])
        #expect(try call("dict", [.tuple(["a", 1])]) == ["a": 1])
        #expect(try call("dict") == .dictionary(TemplateDictionary()))
    }

    @Test func dictRejectsWhatPythonRejects() {
        #expect(throws: TemplateError(.type, "'int' object is not iterable")) { try call("dict", 1) }
        #expect(throws: TemplateError(.value, "dictionary update sequence element #0 has length 1; 2 is required")) {
            try call("dict", "ab")
        }
        #expect(throws: TemplateError(.type, "cannot convert dictionary update sequence element #0 to a sequence")) {
            try call("dict", [1])
        }
        #expect(throws: TemplateError(.type, "dict expected at most 1 argument, got 2")) { try call("dict", ["a": 1], [:]) }
    }

    @Test func cyclerHandsOutItemsInTurn() throws {
        let cycler = try call("cycler", "a", "b", "c")
        let next = try state.attribute(of: cycler, "next")
        #expect(try state.attribute(of: cycler, "current") == "a")
        #expect(try state.call(next, TemplateCallArguments()) == "a")
        #expect(try state.attribute(of: cycler, "current") == "b")
        #expect(try state.call(next, TemplateCallArguments()) == "b")
        #expect(try state.call(next, TemplateCallArguments()) == "c")
        #expect(try state.call(next, TemplateCallArguments()) == "a")
        #expect(try state.call(state.attribute(of: cycler, "reset"), TemplateCallArguments()) == TemplateValue.none)
        #expect(try state.attribute(of: cycler, "current") == "a")
        #expect(try state.attribute(of: cycler, "items") == .tuple(["a", "b", "c"]))
    }

    @Test func cyclerNeedsItems() {
        #expect(throws: TemplateError(.runtime, "at least one item has to be provided")) { try call("cycler") }
        #expect(throws: TemplateError(.type, "Cycler.__init__() got an unexpected keyword argument 'x'")) {
            try call("cycler", 1, keyword: [("x", 2)])
        }
    }

    @Test func joinerReturnsNothingFirstThenTheSeparatorUnescaped() throws {
        let joiner = try call("joiner", "<br>")
        #expect(try state.call(joiner, TemplateCallArguments()) == "")
        #expect(try state.call(joiner, TemplateCallArguments()) == "<br>")
        #expect(try state.call(joiner, TemplateCallArguments()) == "<br>")
        let commas = try call("joiner")
        _ = try state.call(commas, TemplateCallArguments())
        #expect(try state.call(commas, TemplateCallArguments()) == ", ")
        #expect(try state.call(call("joiner", keyword: [("sep", "|")]), TemplateCallArguments()) == "")
    }

    @Test func namespaceHoldsAttributesAndPrintsAsJinjas() throws {
        let namespace = try call("namespace", ["a": 1], keyword: [("b", 2)])
        #expect(try namespace.text() == "<Namespace {'a': 1, 'b': 2}>")
        #expect(try state.attribute(of: namespace, "a") == 1)
        #expect(try state.item(of: namespace, "b") == 2)
        #expect(try state.attribute(of: namespace, "nope").isUndefined)
        guard case .object(let object) = namespace, let namespaceObject = object as? TemplateNamespace else {
            Issue.record("namespace() did not make a TemplateNamespace")
            return
        }
        namespaceObject.setAttribute("c", "x", during: state)
        #expect(try state.attribute(of: namespace, "c") == "x")
        #expect(try call("namespace", keyword: [("a", 1)]) != call("namespace", keyword: [("a", 1)]))
        #expect(try call("namespace").text() == "<Namespace {}>")
        #expect(throws: TemplateError(.type, "'Namespace' object is not iterable")) { try namespace.elements() }
    }

    @Test func lipsumMakesParagraphsOfWords() throws {
        let html = try call("lipsum", 2)
        guard case .markup(let markup) = html else {
            Issue.record("lipsum() is not Markup")
            return
        }
        let paragraphs = markup.html.split(separator: "\n")
        #expect(paragraphs.count == 2)
        #expect(paragraphs.allSatisfy { $0.hasPrefix("<p>") && $0.hasSuffix(".</p>") })
        let text = try call("lipsum", 1, false, 3, 4)
        #expect(try text.text().split(separator: " ").count == 3)
        #expect(try text.text().first?.isUppercase == true)
        #expect(try call("lipsum", 0) == .markup(""))
    }

    @Test func lipsumChecksItsRange() {
        #expect(throws: TemplateError(.value, "empty range for randrange() (5, 5, 0)")) { try call("lipsum", 2, false, 5, 5) }
        #expect(throws: TemplateError(.type, "'str' object cannot be interpreted as an integer")) {
            try call("lipsum", keyword: [("html", false), ("n", "x")])
        }
    }
}
