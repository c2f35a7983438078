@testable import AsyncWebEncoding
import Testing
@testable import AsyncWebTemplates

@Suite("Python str.format")
struct StringFormatTests {
    @Test func positionalFieldsNumberThemselves() throws {
        #expect(try callMethod("format", on: "{} is {}", ["x", 1]) == "x is 1")
    }

    @Test func keywordFieldsTakeAFormatSpec() throws {
        #expect(try callMethod("format", on: "{name}: {n:03d}", keyword: [("name", "id"), ("n", 7)]) == "id: 007")
    }

    @Test func formatMapReadsFieldsFromAMapping() throws {
        #expect(try callMethod("format_map", on: "{a}-{b}", [["a": 1, "b": "x"]]) == "1-x")
        #expect(throws: TemplateError(.value, "Format string contains positional fields")) {
            try callMethod("format_map", on: "{0}", [["a": 1]])
        }
    }

    @Test func markupReceiverEscapesFieldsAndStaysMarkup() throws {
        #expect(try callMethod("format", on: .markup("<b>{}</b>"), ["<i>"]) == .markup("<b>&lt;i&gt;</b>"))
        #expect(try callMethod("format", on: .markup("{}"), [.markup("<i>")]) == .markup("<i>"))
    }

    @Test func floatsFormatExactlyAsPython() throws {
        #expect(try PythonFormatSpec.format(.double(1234.5), spec: "08,.2f") == "1,234.50")
        #expect(try PythonFormatSpec.format(.double(0.1), spec: ".17g") == "0.10000000000000001")
        #expect(try PythonFormatSpec.format(.double(1e16), spec: "") == "1e+16")
    }

    @Test func fieldAttributesReachMethods() throws {
        let result = try callMethod("format", on: "{0.upper}", ["a"])
        #expect(try result.text().hasPrefix("<function upper"))
    }

    @Test(arguments: stringCases)
    func stringReceiverMatchesPython(_ testCase: FormatCase) {
        testCase.check(markup: false)
    }

    @Test(arguments: markupCases)
    func markupReceiverMatchesMarkupSafe(_ testCase: FormatCase) {
        testCase.check(markup: true)
    }
}

struct FormatCase: Sendable, CustomTestStringConvertible {
    let template: String
    let positional: [TemplateValue]
    let keyword: [(name: String, value: TemplateValue)]
    let expected: PythonOutcome

    init(_ template: String, _ positional: [TemplateValue], _ keyword: [(String, TemplateValue)], _ expected: PythonOutcome) {
        self.template = template
        self.positional = positional
        self.keyword = keyword.map { (name: $0.0, value: $0.1) }
        self.expected = expected
    }

    var testDescription: String {
        "\(PythonText.repr(template)).format(\((positional.map(\.repr) + keyword.map { "\($0.name)=\($0.value.repr)" }).joined(separator: ", ")))"
    }

    func check(markup: Bool) {
        let actual = PythonOutcome({
            let receiver: TemplateValue = markup ? .markup(Markup(template)) : .string(template)
            let result = try callMethod("format", on: receiver, positional, keyword: keyword)
            if markup, case .string = result { return "result is not Markup" }
            return try result.text()
        }, expecting: expected)
        #expect(actual == expected)
    }
}

extension StringFormatTests {
    // Generated from Python 3.11.7 by /tmp/builtins-dev/gen/gen_format.py.
    static let stringCases: [FormatCase] = [
        FormatCase("{} is {}", [.string("x"), .int(1)], [], .value("x is 1")),
        FormatCase("{name}: {n:03d}", [], [("name", .string("id")), ("n", .int(7))], .value("id: 007")),
        FormatCase("{0}{1}{0}", [.string("a"), .string("b")], [], .value("aba")),
        FormatCase("{{}} {{{0}}}", [.int(5)], [], .value("{} {5}")),
        FormatCase("{0[a]}", [.dictionary([.string("a"): .int(1)] as TemplateDictionary)], [], .value("1")),
        FormatCase("{0[0]}", [.string("ab")], [], .value("a")),
        FormatCase("{0[1]}", [.list([.int(1), .int(2)])], [], .value("2")),
        FormatCase("{0[1]}", [.list([])], [], .error("IndexError", "list index out of range")),
        FormatCase("{0[x]}", [.dictionary(TemplateDictionary())], [], .error("KeyError", "'x'")),
        FormatCase("{0[-1]}", [.list([.int(1)])], [], .error("TypeError", "list indices must be integers or slices, not str")),
        FormatCase("{a[b][0]}", [], [("a", .dictionary([.string("b"): .list([.int(9)])] as TemplateDictionary))], .value("9")),
        FormatCase("{0.x}", [.dictionary(TemplateDictionary())], [], .error("AttributeError", "'dict' object has no attribute 'x'")),
        FormatCase("{a.b}", [], [("a", .dictionary([.string("b"): .int(1)] as TemplateDictionary))], .error("AttributeError", "'dict' object has no attribute 'b'")),
        FormatCase("{0[0]x}", [.list([.int(1)])], [], .error("ValueError", "Only '.' or '[' may follow ']' in format field specifier")),
        FormatCase("{0[}", [.list([.int(1)])], [], .error("ValueError", "expected '}' before end of string")),
        FormatCase("{0.}", [.int(1)], [], .error("ValueError", "Empty attribute in format string")),
        FormatCase("{x}", [], [], .error("KeyError", "'x'")),
        FormatCase("{1}", [.int(1)], [], .error("IndexError", "Replacement index 1 out of range for positional args tuple")),
        FormatCase("{", [], [], .error("ValueError", "Single '{' encountered in format string")),
        FormatCase("}", [], [], .error("ValueError", "Single '}' encountered in format string")),
        FormatCase("{0", [], [], .error("ValueError", "expected '}' before end of string")),
        FormatCase("a}b", [], [], .error("ValueError", "Single '}' encountered in format string")),
        FormatCase("{}{0}", [.int(1)], [], .error("ValueError", "cannot switch from automatic field numbering to manual field specification")),
        FormatCase("{0}{}", [.int(1)], [], .error("ValueError", "cannot switch from manual field specification to automatic field numbering")),
        FormatCase("{!x}", [.int(1)], [], .error("ValueError", "Unknown conversion specifier x")),
        FormatCase("{!}", [.int(1)], [], .error("ValueError", "unmatched '{' in format spec")),
        FormatCase("{!r", [.int(1)], [], .error("ValueError", "unmatched '{' in format spec")),
        FormatCase("{!rx}", [.int(1)], [], .error("ValueError", "expected ':' after conversion specifier")),
        FormatCase("{a{b}", [], [("a", .int(1))], .error("ValueError", "unexpected '{' in field name")),
        FormatCase("{!r:>6}", [.string("a")], [], .value("   'a'")),
        FormatCase("{!r}", [.markup(Markup("<"))], [], .value("Markup('<')")),
        FormatCase("{!s}", [.list([.int(1)])], [], .value("[1]")),
        FormatCase("{!a}", [.string("é")], [], .value("'\\xe9'")),
        FormatCase("{0!s:^5}|", [TemplateValue.none], [], .value("None |")),
        FormatCase("{:}", [TemplateValue.none], [], .value("None")),
        FormatCase("{:5}", [TemplateValue.none], [], .error("TypeError", "unsupported format string passed to NoneType.__format__")),
        FormatCase("{}", [.list([.int(1), .string("a")])], [], .value("[1, 'a']")),
        FormatCase("{:5}", [.list([.int(1)])], [], .error("TypeError", "unsupported format string passed to list.__format__")),
        FormatCase("{:{}}", [.int(1), .int(5)], [], .value("    1")),
        FormatCase("{:{w}.{p}f}", [.double(1.5)], [("w", .int(8)), ("p", .int(2))], .value("    1.50")),
        FormatCase("{:{}{}}", [.string("a"), .string(">"), .int(4)], [], .value("   a")),
        FormatCase("{:{:{}}}", [.int(1), .int(2), .int(3)], [], .error("ValueError", "Max string recursion exceeded")),
        FormatCase("{}", [.bool(true)], [], .value("True")),
        FormatCase("{:d}", [.bool(true)], [], .value("1")),
        FormatCase("{:^5}", [.bool(true)], [], .value("  1  ")),
        FormatCase("{:s}", [.bool(true)], [], .error("ValueError", "Unknown format code 's' for object of type 'bool'")),
        FormatCase("{:f}", [.bool(true)], [], .value("1.000000")),
        FormatCase("{}", [.double(1.0)], [], .value("1.0")),
        FormatCase("{}", [.double(1e+16)], [], .value("1e+16")),
        FormatCase("{}", [.double(1e-05)], [], .value("1e-05")),
        FormatCase("{:10}", [.double(12.0)], [], .value("      12.0")),
        FormatCase("{:.3}", [.double(1.0)], [], .value("1.0")),
        FormatCase("{:.3}", [.double(1234.5)], [], .value("1.23e+03")),
        FormatCase("{:.20}", [.double(1e+16)], [], .value("10000000000000000.0")),
        FormatCase("{:.0}", [.double(1.5)], [], .value("2e+00")),
        FormatCase("{:.3}", [.double(100.0)], [], .value("1e+02")),
        FormatCase("{:,}", [.int(1234567)], [], .value("1,234,567")),
        FormatCase("{:_}", [.int(1234567)], [], .value("1_234_567")),
        FormatCase("{:,.2f}", [.double(1234.5)], [], .value("1,234.50")),
        FormatCase("{:,}", [.double(1234567.0)], [], .value("1,234,567.0")),
        FormatCase("{:,}", [.double(1e+16)], [], .value("1e+16")),
        FormatCase("{:,.2f}", [.double(-1234567.891)], [], .value("-1,234,567.89")),
        FormatCase("{:_x}", [.int(123456789)], [], .value("75b_cd15")),
        FormatCase("{:_b}", [.int(10)], [], .value("1010")),
        FormatCase("{:,x}", [.int(1)], [], .error("ValueError", "Cannot specify ',' with 'x'.")),
        FormatCase("{:,_}", [.int(1)], [], .error("ValueError", "Cannot specify both ',' and '_'.")),
        FormatCase("{:,n}", [.int(1)], [], .error("ValueError", "Cannot specify ',' with 'n'.")),
        FormatCase("{:_n}", [.double(1.5)], [], .error("ValueError", "Cannot specify '_' with 'n'.")),
        FormatCase("{:_g}", [.double(1.5)], [], .value("1.5")),
        FormatCase("{:012,.2f}", [.double(1234.5)], [], .value("0,001,234.50")),
        FormatCase("{:0=12,}", [.int(1234)], [], .value("0,000,001,234")),
        FormatCase("{:*=12,}", [.int(1234)], [], .value("*******1,234")),
        FormatCase("{:04,}", [.int(5)], [], .value("0,005")),
        FormatCase("{:08_x}", [.int(11259375)], [], .value("0ab_cdef")),
        FormatCase("{:09,.1f}", [.double(-1234.5)], [], .value("-01,234.5")),
        FormatCase("{:05}", [.string("ab")], [], .value("ab000")),
        FormatCase("{:05}", [.int(-5)], [], .value("-0005")),
        FormatCase("{:+05}", [.int(5)], [], .value("+0005")),
        FormatCase("{:<05}", [.int(5)], [], .value("50000")),
        FormatCase("{:x<010}", [.int(5)], [], .value("5xxxxxxxxx")),
        FormatCase("{:00}", [.int(5)], [], .value("5")),
        FormatCase("{:010}", [.int(5)], [], .value("0000000005")),
        FormatCase("{:+}", [.string("a")], [], .error("ValueError", "Sign not allowed in string format specifier")),
        FormatCase("{:=5}", [.string("a")], [], .error("ValueError", "'=' alignment not allowed in string format specifier")),
        FormatCase("{:#}", [.string("a")], [], .error("ValueError", "Alternate form (#) not allowed in string format specifier")),
        FormatCase("{:,}", [.string("a")], [], .error("ValueError", "Cannot specify ',' with 's'.")),
        FormatCase("{:.2}", [.int(1)], [], .error("ValueError", "Precision not allowed in integer format specifier")),
        FormatCase("{:d}", [.double(1.5)], [], .error("ValueError", "Unknown format code 'd' for object of type 'float'")),
        FormatCase("{:d}", [.string("a")], [], .error("ValueError", "Unknown format code 'd' for object of type 'str'")),
        FormatCase("{:x}", [.string("a")], [], .error("ValueError", "Unknown format code 'x' for object of type 'str'")),
        FormatCase("{:x}", [.double(1.5)], [], .error("ValueError", "Unknown format code 'x' for object of type 'float'")),
        FormatCase("{:s}", [.int(1)], [], .error("ValueError", "Unknown format code 's' for object of type 'int'")),
        FormatCase("{:abc}", [.int(1)], [], .error("ValueError", "Invalid format specifier 'abc' for object of type 'int'")),
        FormatCase("{:xx}", [.double(1.5)], [], .error("ValueError", "Invalid format specifier 'xx' for object of type 'float'")),
        FormatCase("{:xx}", [.string("a")], [], .error("ValueError", "Invalid format specifier 'xx' for object of type 'str'")),
        FormatCase("{:.}", [.int(1)], [], .error("ValueError", "Format specifier missing precision")),
        FormatCase("{:z}", [.int(1)], [], .error("ValueError", "Negative zero coercion (z) not allowed in integer format specifier")),
        FormatCase("{:#x}", [.int(255)], [], .value("0xff")),
        FormatCase("{:#X}", [.int(-255)], [], .value("-0XFF")),
        FormatCase("{:#o}", [.int(255)], [], .value("0o377")),
        FormatCase("{:#b}", [.int(5)], [], .value("0b101")),
        FormatCase("{:x}", [.int(-5)], [], .value("-5")),
        FormatCase("{:X}", [.int(255)], [], .value("FF")),
        FormatCase("{:o}", [.int(8)], [], .value("10")),
        FormatCase("{:b}", [.int(0)], [], .value("0")),
        FormatCase("{:#x}", [.int(0)], [], .value("0x0")),
        FormatCase("{:c}", [.int(65)], [], .value("A")),
        FormatCase("{:>3c}", [.int(65)], [], .value("  A")),
        FormatCase("{:#c}", [.int(1)], [], .error("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'")),
        FormatCase("{:+c}", [.int(1)], [], .error("ValueError", "Sign not allowed with integer format specifier 'c'")),
        FormatCase("{:,c}", [.int(1)], [], .error("ValueError", "Cannot specify ',' with 'c'.")),
        FormatCase("{:_c}", [.int(1)], [], .error("ValueError", "Cannot specify '_' with 'c'.")),
        FormatCase("{:c}", [.int(-1)], [], .error("OverflowError", "%c arg not in range(0x110000)")),
        FormatCase("{:.1c}", [.int(65)], [], .error("ValueError", "Precision not allowed in integer format specifier")),
        FormatCase("{:%}", [.double(0.5)], [], .value("50.000000%")),
        FormatCase("{:.1%}", [.double(0.5)], [], .value("50.0%")),
        FormatCase("{:.0%}", [.double(1.5)], [], .value("150%")),
        FormatCase("{:%}", [.int(5)], [], .value("500.000000%")),
        FormatCase("{:n}", [.int(5)], [], .value("5")),
        FormatCase("{:n}", [.double(1234.5)], [], .value("1234.5")),
        FormatCase("{:n}", [.double(1e+16)], [], .value("1e+16")),
        FormatCase("{:010.2f}", [.double(.infinity)], [], .value("0000000inf")),
        FormatCase("{:+f}", [.double(.nan)], [], .value("+nan")),
        FormatCase("{:F}", [.double(.infinity)], [], .value("INF")),
        FormatCase("{:E}", [.double(-.infinity)], [], .value("-INF")),
        FormatCase("{:f}", [.double(-0.0)], [], .value("-0.000000")),
        FormatCase("{}", [.double(-0.0)], [], .value("-0.0")),
        FormatCase("{:z.1f}", [.double(-0.0)], [], .value("0.0")),
        FormatCase("{:z.1f}", [.double(-0.04)], [], .value("0.0")),
        FormatCase("{:z}", [.double(-0.0)], [], .value("0.0")),
        FormatCase("{:z.1f}", [.double(-0.06)], [], .value("-0.1")),
        FormatCase("{:#.0f}", [.double(1.5)], [], .value("2.")),
        FormatCase("{:#g}", [.double(1.0)], [], .value("1.00000")),
        FormatCase("{:g}", [.double(1e-05)], [], .value("1e-05")),
        FormatCase("{:,g}", [.double(123456789.0)], [], .value("1.23457e+08")),
        FormatCase("{:,e}", [.double(12345.678)], [], .value("1.234568e+04")),
        FormatCase("{:e}", [.int(100000)], [], .value("1.000000e+05")),
        FormatCase("{:.2e}", [.int(12345)], [], .value("1.23e+04")),
        FormatCase("{:.2g}", [.double(123.456)], [], .value("1.2e+02")),
        FormatCase("{:g}", [.double(0.0001)], [], .value("0.0001")),
        FormatCase("{:G}", [.double(1e-10)], [], .value("1E-10")),
        FormatCase("{:.15g}", [.double(0.1)], [], .value("0.1")),
        FormatCase("{:.17g}", [.double(0.1)], [], .value("0.10000000000000001")),
        FormatCase("{:f}", [.double(1e+300)], [], .value("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000")),
        FormatCase("{:=+8}", [.double(1.5)], [], .value("+    1.5")),
        FormatCase("{:=+5}", [.int(5)], [], .value("+   5")),
        FormatCase("{: d}", [.int(5)], [], .value(" 5")),
        FormatCase("{:-d}", [.int(5)], [], .value("5")),
        FormatCase("{: }", [.int(-5)], [], .value("-5")),
        FormatCase("{:.2}", [.string("abc")], [], .value("ab")),
        FormatCase("{:^7.2}", [.string("abc")], [], .value("  ab   ")),
        FormatCase("{:x<6}", [.string("abc")], [], .value("abcxxx")),
        FormatCase("{:>6}", [.string("abc")], [], .value("   abc")),
        FormatCase("{:^6}", [.string("ab")], [], .value("  ab  ")),
        FormatCase("{:^5}", [.string("ab")], [], .value(" ab  ")),
        FormatCase("{:é^5}", [.string("ab")], [], .value("éabéé")),
        FormatCase("{:<<5}", [.string("a")], [], .value("a<<<<")),
        FormatCase("{:5}", [.string("é")], [], .value("é    ")),
        FormatCase("{:3}", [.string("abcd")], [], .value("abcd")),
        FormatCase("{:>99999999999999999999}", [.string("a")], [], .error("ValueError", "Too many decimal digits in format string")),
        FormatCase("{:.99999999999999999999}", [.string("a")], [], .error("ValueError", "Too many decimal digits in format string")),
    ]
    static let markupCases: [FormatCase] = [
        FormatCase("{}", [.string("<")], [], .value("&lt;")),
        FormatCase("{!r}", [.string("<")], [], .value("&#39;&lt;&#39;")),
        FormatCase("{:>5}", [.string("<")], [], .value("    &lt;")),
        FormatCase("{:>5}", [.markup(Markup("<"))], [], .error("ValueError", "Unsupported format specification for Markup.")),
        FormatCase("{}", [.markup(Markup("<i>"))], [], .value("<i>")),
        FormatCase("{0[a]}", [.dictionary([.string("a"): .string("<")] as TemplateDictionary)], [], .value("&lt;")),
        FormatCase("<b>{}</b>", [.int(1)], [], .value("<b>1</b>")),
        FormatCase("{x}", [], [("x", .string("&"))], .value("&amp;")),
        FormatCase("{!s}", [.markup(Markup("<i>"))], [], .value("&lt;i&gt;")),
        FormatCase("{:.1f}", [.double(2.25)], [], .value("2.2")),
    ]
}
