import Testing
import AsyncWebTemplates

/// `abs`, `float`, `int`, `round` and `filesizeformat`, with Python's
/// parsing, rounding and formatting.
@Suite("Number filters")
struct NumberFilterTests {
    let html = FilterProbe.html

    @Test func absKeepsTheNumberKind() throws {
        #expect(try html.apply("abs", -3) == .int(3))
        #expect(try html.apply("abs", -2.5) == .double(2.5))
        #expect(try html.apply("abs", true) == .int(1))
        #expect(throws: TemplateError(.type, "bad operand type for abs(): 'str'")) { try html.apply("abs", "x") }
        #expect(throws: TemplateError(.type, "abs() takes exactly one argument (2 given)")) { try html.apply("abs", 1, 2) }
    }

    @Test func floatParsesPythonNumbersOrFallsBack() throws {
        #expect(try html.render("float", "3.5") == "3.5")
        #expect(try html.render("float", 3) == "3.0")
        #expect(try html.render("float", " 2 ") == "2.0")
        #expect(try html.render("float", "1_000") == "1000.0")
        #expect(try html.render("float", "abc") == "0.0")
        #expect(try html.render("float", "abc", 1.5) == "1.5")
        #expect(try html.render("float", .none) == "0.0")
        #expect(throws: TemplateError(.undefined, "'missing' is undefined")) { try html.render("float", html.missing) }
    }

    @Test func intTruncatesAndReadsFloatsInText() throws {
        #expect(try html.apply("int", "42") == .int(42))
        #expect(try html.apply("int", 3.9) == .int(3))
        #expect(try html.apply("int", -3.9) == .int(-3))
        #expect(try html.apply("int", "3.7") == .int(3))
        #expect(try html.apply("int", "1_0") == .int(10))
        #expect(try html.apply("int", "٣") == .int(3))
        #expect(try html.apply("int", "x") == .int(0))
        #expect(try html.apply("int", "x", 7) == .int(7))
        #expect(try html.apply("int", .double(.nan)) == .int(0))
        #expect(throws: TemplateError(.overflow, "cannot convert float infinity to integer")) { try html.apply("int", .double(.infinity)) }
    }

    @Test func intReadsOtherBasesAndPrefixes() throws {
        #expect(try html.apply("int", "ff", keyword: ["base": 16]) == .int(255))
        #expect(try html.apply("int", "0x1A", 0, 16) == .int(26))
        #expect(try html.apply("int", "0x_1f", 0, 16) == .int(31))
        #expect(try html.apply("int", "101", keyword: ["base": 2]) == .int(5))
        #expect(try html.apply("int", "0b11", 0, 0) == .int(3))
        #expect(try html.apply("int", "00", 0, 0) == .int(0))
        // Base 0 rejects a leading zero, so Jinja falls back to reading a float.
        #expect(try html.apply("int", "010", 0, 0) == .int(10))
    }

    @Test func roundRoundsHalfToEvenOnTheExactBinaryValue() throws {
        #expect(try html.render("round", 2.5) == "2.0")
        #expect(try html.render("round", 3.5) == "4.0")
        #expect(try html.render("round", -2.5) == "-2.0")
        #expect(try html.render("round", 2.675, 2) == "2.67")
        #expect(try html.render("round", 0.125, 2) == "0.12")
    }

    @Test func roundKeepsIntegersIntegers() throws {
        #expect(try html.apply("round", 42) == .int(42))
        #expect(try html.apply("round", 12345, -2) == .int(12300))
        #expect(try html.apply("round", 12350, -2) == .int(12400))
        #expect(try html.apply("round", 12250, -2) == .int(12200))
    }

    @Test func roundToTensAndHundredsOfFloats() throws {
        #expect(try html.render("round", 1250.0, -2) == "1200.0")
        #expect(try html.render("round", 1350.0, -2) == "1400.0")
        #expect(try html.render("round", 1250.0001, -2) == "1300.0")
        #expect(try html.render("round", -4.0, -1) == "-0.0")
    }

    @Test func roundCeilAndFloorGiveFloats() throws {
        #expect(try html.render("round", 2.1, keyword: ["method": "ceil"]) == "3.0")
        #expect(try html.render("round", 2.9, keyword: ["method": "floor"]) == "2.0")
        #expect(try html.render("round", 2.12, 1, "ceil") == "2.2")
        #expect(try html.render("round", 1234, -2, "ceil") == "1300.0")
        #expect(try html.render("round", 5, keyword: ["method": "ceil"]) == "5.0")
    }

    @Test func roundRejectsUnknownMethodsAndNonNumbers() {
        #expect(throws: TemplateError(.filterArgument, "method must be common, ceil or floor")) {
            try html.render("round", 1, keyword: ["method": "x"])
        }
        #expect(throws: TemplateError(.type, "type str doesn't define __round__ method")) { try html.render("round", "a") }
        #expect(throws: TemplateError(.type, "'float' object cannot be interpreted as an integer")) { try html.render("round", 2.5, 1.5) }
    }

    @Test func filesizeformatUsesDecimalPrefixes() throws {
        #expect(try html.render("filesizeformat", 100) == "100 Bytes")
        #expect(try html.render("filesizeformat", 1) == "1 Byte")
        #expect(try html.render("filesizeformat", 0) == "0 Bytes")
        #expect(try html.render("filesizeformat", -5) == "-5 Bytes")
        #expect(try html.render("filesizeformat", 1000) == "1.0 kB")
        #expect(try html.render("filesizeformat", 1500) == "1.5 kB")
        #expect(try html.render("filesizeformat", 999_999) == "1000.0 kB")
        #expect(try html.render("filesizeformat", 1e27) == "1000.0 YB")
        #expect(try html.render("filesizeformat", 1e30) == "1000000.0 YB")
    }

    @Test func filesizeformatUsesBinaryPrefixesWhenAsked() throws {
        #expect(try html.render("filesizeformat", 1024, true) == "1.0 KiB")
        #expect(try html.render("filesizeformat", 1023, true) == "1023 Bytes")
        #expect(try html.render("filesizeformat", 3_000_000_000, true) == "2.8 GiB")
        #expect(try html.render("filesizeformat", "2048", keyword: ["binary": true]) == "2.0 KiB")
    }

    @Test func filesizeformatNeedsANumber() {
        #expect(throws: TemplateError(.value, "could not convert string to float: 'a'")) { try html.render("filesizeformat", "a") }
        #expect(throws: TemplateError(.type, "float() argument must be a string or a real number, not 'NoneType'")) {
            try html.render("filesizeformat", .none)
        }
    }
}
