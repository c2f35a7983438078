import AsyncWebEncoding
import Foundation
import Testing
import TestSupport

/// The JSON reader that session cookies and `asyncweb render --context` go through,
/// against what Python's `json.loads` reads from the same text.
@Suite("JSON reader")
struct JSONReaderTests {
    static let texts = [
        #"{"b": 1, "a": 1.0, "c": [true, false, null], "d": {"e": -0.5e3}}"#,
        #"{"a": 1, "a": 2, "b": 3}"#,
        #"[NaN, Infinity, -Infinity, 1e400, -0, 12345678901234567]"#,
        #""\u00e9\ud83d\ude00 \"q\" \\ \/ \n\t\r\b\f""#,
        #""lone \ud83d surrogate""#,
        " \n\t[ ] ",
        #""raw é and 🙂""#,
    ]

    /// Each text as Python reads it, written back by `json.dumps` with sorted keys, as Flask writes JSON.
    @Test func readsWhatPythonReads() throws {
        let script = """
            import json, sys
            for text in json.loads(sys.argv[1]):
                print(json.dumps(json.loads(text), ensure_ascii=True, sort_keys=True))
            """
        let data = try JSONEncoder().encode(Self.texts)
        let python = String(decoding: try PythonOracle.run(script, arguments: [String(decoding: data, as: UTF8.self)]), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        for (text, expected) in zip(Self.texts, python) {
            let ours = JSONWriter.flask.write(try JSONReader.parse(text)).replacingOccurrences(of: ",", with: ", ")
                .replacingOccurrences(of: "\":", with: "\": ")
            // Python keeps a lone surrogate; Swift strings cannot hold one, so it becomes U+FFFD.
            #expect(ours == expected.replacingOccurrences(of: "\\ud83d surrogate", with: "\\ufffd surrogate"), "\(text)")
        }
    }

    @Test func keepsIntegersApartFromFloats() throws {
        #expect(try JSONReader.parse("[1, 1.0, 1e2]") == .array([.int(1), .double(1), .double(100)]))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"open", "01x", "[1] 2", "\"bad \\q escape\"", "\"\\u12G4\"", "-", "{1: 2}"])
    func refusesWhatIsNotJSON(_ text: String) {
        #expect(throws: JSONReader.Malformed.self) { try JSONReader.parse(text) }
    }

    /// Python's reader holds to JSON's number grammar; `FLASK_X=007` stays the string "007".
    @Test(arguments: ["007", "+1", "1.", ".5", "1e", "1e+", "-", "-a", "0x10", "[01]"])
    func refusesNumbersOutsideJSONsGrammar(_ text: String) throws {
        let python = String(decoding: try PythonOracle.run("""
            import json, sys
            try: json.loads(sys.argv[1]); print("read")
            except ValueError: print("refused")
            """, arguments: [text]), as: UTF8.self)
        #expect(python == "refused\n")
        #expect(throws: JSONReader.Malformed.self) { try JSONReader.parse(text) }
    }

    @Test func refusesNestingDeepEnoughToExhaustTheStack() {
        #expect(throws: JSONReader.Malformed.self) { try JSONReader.parse(String(repeating: "[", count: 100_000)) }
        #expect((try? JSONReader.parse(String(repeating: "[", count: 500) + String(repeating: "]", count: 500))) != nil)
    }
}
