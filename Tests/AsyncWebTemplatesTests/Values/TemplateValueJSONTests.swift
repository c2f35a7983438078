@testable import AsyncWebEncoding
import Testing
@testable import AsyncWebTemplates

/// Templates meet JSON through one pair: `TemplateValue(_: JSONValue)` and `jsonValue`.
@Suite("Template values as JSON")
struct TemplateValueJSONTests {
    @Test func jsonRoundTripsThroughATemplateValue() throws {
        let json: JSONValue = ["b": [1, 2.5, nil, true], "a": ["z": "é", "y": []], "c": .double(.nan)]
        #expect(try TemplateValue(json).jsonValue == json)
    }

    @Test func jsonBecomesPythonsTypes() {
        #expect(TemplateValue(["a": [1, nil]] as JSONValue) == ["a": [1, nil]])
        #expect(TemplateValue(JSONValue.double(1)).typeName == "float")
        #expect(TemplateValue(JSONValue.int(1)).typeName == "int")
    }

    @Test func markupTuplesAndIterableObjectsBecomePlainJSON() throws {
        #expect(try TemplateValue.markup(Markup("<b>")).jsonValue == .string("<b>"))
        #expect(try TemplateValue.tuple([1, "a"]).jsonValue == [1, "a"])
        let keys: TemplateValue = [2: "two", true: "yes", nil: "no", 1.5: "half"]
        #expect(try keys.jsonValue
            == JSONValue(dictionaryLiteral: ("2", "two"), ("true", "yes"), ("null", "no"), ("1.5", "half")))
    }

    @Test func valuesJSONCannotHoldThrowPythonsTypeError() {
        #expect(throws: TemplateError(.type, "Object of type Undefined is not JSON serializable")) {
            try TemplateValue.undefined(.named("x")).jsonValue
        }
        #expect(throws: TemplateError(.type, "keys must be str, int, float, bool or None, not tuple")) {
            try ([.tuple([1]): 1] as TemplateValue).jsonValue
        }
    }

    @Test func jsonValueKeepsInsertionOrderAndTojsonSortsNumerically() throws {
        let value: TemplateValue = [10: "a", 9: "b"]
        #expect(try value.jsonValue == JSONValue(dictionaryLiteral: ("10", "a"), ("9", "b")))
        #expect(try FilterProbe.html.render("tojson", value) == #"{"9": "b", "10": "a"}"#)
    }

    @Test func encodableGoesThroughJSONValue() throws {
        let value: TemplateValue = ["user": .markup(Markup("<i>x</i>")), "ids": .tuple([1, 2])]
        #expect(try JSONValueEncoder().encode(value) == value.jsonValue)
    }

    @Test func jsonContextsKeepKeyOrderAndNumberTypes() throws {
        let context = try TemplateContext(json: #"{"b": 1, "a": 1.0}"#)
        #expect(context["b"]?.typeName == "int" && context["a"]?.typeName == "float")
    }
}
