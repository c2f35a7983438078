import AsyncWebEncoding
import Foundation
import Testing
import TestSupport

/// The one JSON writer: Flask's provider and Jinja's `tojson` are its options.
@Suite("JSON writer")
struct JSONWriterTests {
    static let value: JSONValue = ["b": [1, 2.5, nil, true], "a": "x<y>&'z\"é😀", "c": ["z": [:], "y": []]]
    static let python = #"{"b": [1, 2.5, None, True], "a": "x<y>&'z\"\u00e9\U0001F600", "c": {"z": {}, "y": []}}"#

    @Test func flaskIsCompactKeySortedAndASCII() {
        #expect(JSONWriter.flask.write(Self.value)
            == #"{"a":"x<y>&'z\"\u00e9\ud83d\ude00","b":[1,2.5,null,true],"c":{"y":[],"z":{}}}"#)
    }

    @Test func everyOptionWritesWhatPythonsJSONDumpsWrites() throws {
        let cases: [(JSONWriter, python: String)] = [
            (JSONWriter.flask, "json.dumps(v, sort_keys=True, separators=(',', ':'))"),
            (JSONWriter(), "json.dumps(v, sort_keys=True)"),
            (JSONWriter(sortKeys: false), "json.dumps(v)"),
            (JSONWriter(indent: "  "), "json.dumps(v, sort_keys=True, indent=2)"),
            (JSONWriter(indent: "\t", sortKeys: false), "json.dumps(v, indent='\\t')"),
            (JSONWriter(htmlSafe: true), "markupsafe.Markup(jinja2.utils.htmlsafe_json_dumps(v, dumps=json.dumps, sort_keys=True))"),
            (JSONWriter(indent: "<", htmlSafe: true),
             "jinja2.utils.htmlsafe_json_dumps(v, dumps=json.dumps, sort_keys=True, indent='<')"),
        ]
        let script = "import json, jinja2.utils, markupsafe\nv = \(Self.python)\n"
            + cases.map { "print(json.dumps(str(\($0.python))))" }.joined(separator: "\n")
        let lines = String(decoding: try PythonOracle.run(script), as: UTF8.self).split(separator: "\n")
        for (index, (writer, python)) in cases.enumerated() {
            guard case .string(let expected) = try JSONReader.parse(lines[index]) else { Issue.record("no output"); continue }
            #expect(writer.write(Self.value) == expected, "\(python)")
        }
    }

    @Test func htmlSafeEscapesOnlyTheFourCharacters() {
        #expect(JSONWriter(htmlSafe: true).write(["<&>'\"/"]) == #"["\u003c\u0026\u003e\u0027\"/"]"#)
    }

    @Test func unsortedObjectsKeepTheirOrder() {
        #expect(JSONWriter(compact: true, sortKeys: false).write(["b": 1, "a": 2]) == #"{"b":1,"a":2}"#)
    }

    @Test func floatsAreWrittenAsPythonsRepr() {
        #expect(JSONWriter.flask.write([1.0, 1e16, 0.0001, 1e-5, .double(.nan), .double(-.infinity)])
            == "[1.0,1e+16,0.0001,1e-05,NaN,-Infinity]")
    }
}

/// The interchange value itself: literals, accessors and equality.
@Suite("JSON value")
struct JSONValueTests {
    @Test func literalsMakeTheMatchingCases() {
        let value: JSONValue = ["name": "alice", "age": 30, "ratio": 0.5, "admin": false, "tags": ["a"], "boss": nil]
        #expect(value == .object([
            (key: "name", value: .string("alice")), (key: "age", value: .int(30)), (key: "ratio", value: .double(0.5)),
            (key: "admin", value: .bool(false)), (key: "tags", value: .array([.string("a")])), (key: "boss", value: .null),
        ]))
    }

    @Test func accessorsReadOnlyTheirOwnCase() {
        #expect(JSONValue.int(3).int == 3 && JSONValue.int(3).double == 3.0 && JSONValue.int(3).string == nil)
        #expect(JSONValue.bool(true).bool == true && JSONValue.bool(true).int == nil)
        #expect(JSONValue.string("x").string == "x" && JSONValue.null.isNull && !JSONValue.string("").isNull)
        #expect(JSONValue.array([1]).array == [1] && (["a": 1] as JSONValue).object?.first?.key == "a")
    }

    @Test func objectsCompareInOrderAndNaNEqualsItself() {
        #expect(JSONValue(dictionaryLiteral: ("a", 1), ("b", 2)) != JSONValue(dictionaryLiteral: ("b", 2), ("a", 1)))
        #expect(JSONValue.double(.nan) == .double(.nan))
        #expect(Set<JSONValue>([.double(.nan), .double(.nan), ["a": 1], ["a": 1]]).count == 2)
    }

    @Test func theEncoderAndTheReaderAgree() throws {
        struct User: Encodable { let name: String; let ids: [Int]; let score: Double? }
        let encoded = try JSONValueEncoder().encode(User(name: "é", ids: [1, 2], score: nil))
        #expect(try JSONReader.parse(JSONWriter(sortKeys: false).write(encoded)) == encoded)
    }
}
