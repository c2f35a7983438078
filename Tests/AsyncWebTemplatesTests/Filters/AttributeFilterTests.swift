import Testing
@testable import AsyncWebTemplates

/// `attr`, `map`, `select`, `reject`, `selectattr` and `rejectattr`, and
/// the attribute paths (`"meta.kind"`, `"1"`) the filters share.
@Suite("Attribute filters")
struct AttributeFilterTests {
    let html = FilterProbe.html
    let users = FilterProbe.users

    @Test func attrFindsMethodsButNotItems() throws {
        let upper = try html.apply("attr", "abc", "upper")
        #expect(try html.state.call(upper, TemplateCallArguments()) == "ABC")
        #expect(try html.render("attr", ["k": 1], "k") == "")
        #expect(throws: TemplateError(.type, "attribute name must be string, not 'int'")) { try html.apply("attr", 1, 1) }
    }

    @Test func mapReadsAnAttributePath() throws {
        #expect(try html.apply("map", users, keyword: ["attribute": "name"]) == ["a", "b", "c", "D"])
        #expect(try html.apply("map", [[1, 2], [3, 4]], keyword: ["attribute": "1"]) == [2, 4])
        #expect(try html.apply("map", users, keyword: ["attribute": "city", "default": "?"]) == ["NY", "la", "ny", "?"])
    }

    @Test func mapFailsOnAMissingAttributeInsideAPath() {
        #expect(throws: TemplateError(.undefined, "'dict object' has no attribute 'meta'")) {
            try html.apply("map", users, keyword: ["attribute": "meta.kind"])
        }
    }

    @Test func mapAppliesAFilterWithItsArguments() throws {
        #expect(try html.apply("map", ["banana", "apple"], "replace", "a", "o") == ["bonono", "opple"])
        #expect(try html.apply("map", ["1", "2"], "int") == [1, 2])
    }

    @Test func mapReportsMisuseOnlyWhenThereAreElements() throws {
        #expect(try html.apply("map", [], "nope") == [])
        #expect(throws: TemplateError(.runtime, "No filter named 'nope'.")) { try html.apply("map", [1], "nope") }
        #expect(throws: TemplateError(.filterArgument, "map requires a filter argument")) { try html.apply("map", [1]) }
        #expect(throws: TemplateError(.filterArgument, "Unexpected keyword argument 'foo'")) {
            try html.apply("map", [1], keyword: ["attribute": "a", "foo": 1])
        }
    }

    @Test func selectAndRejectApplyATestOrTruth() throws {
        #expect(try html.apply("select", [1, 2, 3, 4], "odd") == [1, 3])
        #expect(try html.apply("select", [1, 2, 3, 4], "gt", 2) == [3, 4])
        #expect(try html.apply("select", [0, 1, "", "a", nil]) == [1, "a"])
        #expect(try html.apply("reject", [1, 2, 3, 4], "odd") == [2, 4])
        #expect(throws: TemplateError(.runtime, "No test named 'nope'.")) { try html.apply("select", [1], "nope") }
    }

    @Test func selectattrAndRejectattrTestAnAttribute() throws {
        let names = { (selected: TemplateValue) in try html.apply("map", selected, keyword: ["attribute": "name"]) }
        #expect(try names(html.apply("selectattr", users, "age", "gt", 22)) == ["a", "c"])
        #expect(try names(html.apply("selectattr", users, "city")) == ["a", "b", "c"])
        #expect(try names(html.apply("rejectattr", users, "city", "defined")) == ["D"])
        #expect(throws: TemplateError(.filterArgument, "Missing parameter for attribute name")) { try html.apply("selectattr", users) }
    }
}
