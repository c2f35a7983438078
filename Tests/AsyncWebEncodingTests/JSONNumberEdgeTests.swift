import AsyncWebEncoding
import Testing

/// Numbers in JSON text at and past the edges of `Int` and `Double`, as a session
/// cookie or a template context may carry them: each is read, or refused as
/// malformed, never converted into a trap.
@Suite("JSON numbers at the edges")
struct JSONNumberEdgeTests {
    @Test func integersWithinIntStayIntegers() throws {
        #expect(try JSONReader.parse("[9223372036854775807, -9223372036854775808, -0]") == .array([.int(.max), .int(.min), .int(0)]))
    }

    @Test func integersPastIntKeepTheirDigitsAsPythonsDo() throws {
        #expect(try JSONReader.parse("123456789012345678901234567890") == .largeInteger("123456789012345678901234567890"))
        #expect(try JSONReader.parse("-9223372036854775809") == .largeInteger("-9223372036854775809"))
    }

    @Test func integersPastIntAreWrittenWhole() throws {
        let text = JSONWriter().write(.array([.largeInteger("-99999999999999999999")]))
        #expect(text == "[-99999999999999999999]")
    }

    /// Swift's unsigned integers past `Int.max` are Python ints: `json.dumps(2**64 - 1)`.
    @Test func unsignedIntegersPastIntAreEncodedWhole() throws {
        #expect(try JSONValueEncoder().encode([UInt64.max, UInt64(Int.max) + 1]) == .array([.largeInteger("18446744073709551615"), .largeInteger("9223372036854775808")]))
        #expect(try JSONTextEncoder().encode(["id": UInt.max]) == Array(#"{"id":18446744073709551615}"#.utf8))
    }

    @Test func exponentsPastDoubleAreInfinityOrZeroAsInPython() throws {
        #expect(try JSONReader.parse("[1e999, -1e999, 1e-999, -0.0]") == .array([.double(.infinity), .double(-.infinity), .double(0), .double(-0.0)]))
        #expect(try JSONReader.parse("1e99999999999999999999999") == .double(.infinity))
    }

    @Test(arguments: ["1e", "--1", "1-", "+", "1.2.3", "0x10", "1e+-5"])
    func numbersThatAreNotNumbersAreMalformed(_ text: String) {
        #expect(throws: JSONReader.Malformed.self) { try JSONReader.parse(text) }
    }

    @Test func theDeepestNestingAcceptedIs512Levels() {
        #expect((try? JSONReader.parse(String(repeating: "[", count: 512) + String(repeating: "]", count: 512))) != nil)
        #expect(throws: JSONReader.Malformed.self) {
            try JSONReader.parse(String(repeating: "[", count: 513) + String(repeating: "]", count: 513))
        }
    }
}
