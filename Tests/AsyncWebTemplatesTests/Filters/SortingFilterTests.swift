import Testing
@testable import AsyncWebTemplates

/// `sort`, `dictsort`, `unique`, `min`, `max` and `groupby`: case-insensitive
/// by default, stable, with Python's errors for values that have no order.
@Suite("Sorting filters")
struct SortingFilterTests {
    let html = FilterProbe.html
    let users = FilterProbe.users

    private func names(_ users: TemplateValue) throws -> TemplateValue {
        try html.apply("map", users, keyword: ["attribute": "name"])
    }

    @Test func sortIgnoresCaseUnlessAsked() throws {
        #expect(try html.apply("sort", [3, 1, 2]) == [1, 2, 3])
        #expect(try html.apply("sort", ["b", "C", "a", "B"]) == ["a", "b", "B", "C"])
        #expect(try html.apply("sort", ["b", "C", "a", "B"], keyword: ["case_sensitive": true]) == ["B", "C", "a", "b"])
    }

    @Test func sortInReverseKeepsEqualElementsInOrder() throws {
        #expect(try html.apply("sort", ["b", "C", "a", "B"], true) == ["C", "b", "B", "a"])
        #expect(try names(html.apply("sort", users, keyword: ["attribute": "age,name", "reverse": true])) == ["a", "c", "D", "b"])
    }

    @Test func sortByAttributesIsStable() throws {
        #expect(try names(html.apply("sort", users, keyword: ["attribute": "age"])) == ["b", "D", "c", "a"])
        #expect(try names(html.apply("sort", users, keyword: ["attribute": "age,name"])) == ["b", "D", "c", "a"])
    }

    @Test func sortFailsForValuesWithoutOrder() {
        #expect(throws: TemplateError(.type, "'<' not supported between instances of 'str' and 'int'")) {
            try html.apply("sort", [1, "a"])
        }
        #expect(throws: TemplateError(.undefined, "'dict object' has no attribute 'city'")) {
            try html.apply("sort", users, keyword: ["attribute": "city"])
        }
    }

    @Test func dictsortSortsPairsByKeyOrValue() throws {
        #expect(try html.apply("dictsort", ["b": 1, "a": 2, "A": 3]) == [.tuple(["a", 2]), .tuple(["A", 3]), .tuple(["b", 1])])
        #expect(try html.apply("dictsort", ["b": 1, "a": 2, "B": 3], true) == [.tuple(["B", 3]), .tuple(["a", 2]), .tuple(["b", 1])])
        #expect(try html.apply("dictsort", ["x": 1, "y": 3, "z": 2], keyword: ["by": "value", "reverse": true])
            == [.tuple(["y", 3]), .tuple(["z", 2]), .tuple(["x", 1])])
        #expect(throws: TemplateError(.filterArgument, "You can only sort by either \"key\" or \"value\"")) {
            try html.apply("dictsort", ["a": 1], keyword: ["by": "x"])
        }
    }

    @Test func uniqueKeepsTheFirstOfEqualElements() throws {
        #expect(try html.apply("unique", ["a", "A", "b", "a", "B"]) == ["a", "b"])
        #expect(try html.apply("unique", ["a", "A", "b", "a", "B"], keyword: ["case_sensitive": true]) == ["a", "A", "b", "B"])
        #expect(try html.apply("unique", [1, 1.0, true, 2]) == [1, 2])
        #expect(try names(html.apply("unique", users, keyword: ["attribute": "city"])) == ["a", "b", "D"])
        #expect(throws: TemplateError(.type, "unhashable type: 'list'")) { try html.apply("unique", [[1], [1]]) }
    }

    @Test func minAndMaxKeepTheFirstOfEqualElements() throws {
        #expect(try html.apply("min", ["b", "A", "c"]) == "A")
        #expect(try html.apply("min", ["b", "a", "C"], keyword: ["case_sensitive": true]) == "C")
        #expect(try html.apply("max", ["a", "A"]) == "a")
        #expect(try html.apply("max", [1, 1.0, true]) == .int(1))
        let youngest = try html.apply("min", users, keyword: ["attribute": "age"])
        #expect(try html.state.item(of: youngest, "name") == "b")
    }

    @Test func minAndMaxOfNothingAreUndefined() throws {
        #expect(try html.render("min", []) == "")
        #expect(throws: TemplateError(.undefined, "No aggregated item, sequence was empty.")) {
            try FilterProbe.strict.render("max", [])
        }
    }

    @Test func minAndMaxNameTheirComparison() {
        #expect(throws: TemplateError(.type, "'>' not supported between instances of 'str' and 'int'")) { try html.apply("max", [1, "a"]) }
        #expect(throws: TemplateError(.type, "'<' not supported between instances of 'str' and 'int'")) { try html.apply("min", [1, "a"]) }
    }

    @Test func groupbyGroupsSortedByTheAttributeWithGrouperAndList() throws {
        let groups = try html.apply("groupby", users, "city", keyword: ["default": "?"])
        var summary: [String] = []
        for group in try groups.elements() {
            let grouper = try html.state.attribute(of: group, "grouper")
            let members = try names(html.state.attribute(of: group, "list"))
            summary.append(try grouper.text() + ":" + members.elements().map { try $0.text() }.joined())
        }
        // Case-insensitive groups take the spelling of their first element.
        #expect(summary == ["?:D", "la:b", "NY:ac"])
    }

    @Test func groupbyGroupsUnpackIndexAndPrintAsTuples() throws {
        let first = try html.apply("first", html.apply("groupby", users, "age"))
        #expect(try first.elements().count == 2)
        #expect(try html.state.item(of: first, 0) == 20)
        #expect(try FilterProbe.text.render("pprint", first) == "(20, [{'name': 'b', 'city': 'la', 'age': 20, 'meta': {'kind': 'y'}}, {'name': 'D', 'age': 20}])")
        #expect(try html.render("tojson", [first]) == #"[[20, [{"age": 20, "city": "la", "meta": {"kind": "y"}, "name": "b"}, {"age": 20, "name": "D"}]]]"#)
    }

    @Test func groupbyCaseSensitiveKeepsSpellingsApart() throws {
        let groups = try html.apply("groupby", users, "city", keyword: ["case_sensitive": true, "default": "?"])
        #expect(try html.apply("map", groups, "first") == ["?", "NY", "la", "ny"])
    }

    @Test func groupbyNeedsAnAttribute() {
        #expect(throws: TemplateError(.type, "sync_do_groupby() missing 1 required positional argument: 'attribute'")) {
            try html.apply("groupby", users)
        }
    }
}
