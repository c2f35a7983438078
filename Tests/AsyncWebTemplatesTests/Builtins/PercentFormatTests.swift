@testable import AsyncWebEncoding
import Testing
@testable import AsyncWebTemplates

@Suite("Python % formatting")
struct PercentFormatTests {
    @Test func tupleArgumentsFillConversionsInOrder() throws {
        #expect(try PythonPercentFormat.format("%s - %s", with: .tuple(["a", "b"])) == "a - b")
    }

    @Test func dictionaryArgumentsFillNamedConversions() throws {
        #expect(try PythonPercentFormat.format("%(x)s!", with: ["x": "kw"]) == "kw!")
    }

    @Test func floatsRoundAsPythonDoes() throws {
        #expect(try PythonPercentFormat.format("%.2f", with: 3.14159) == "3.14")
        #expect(try PythonPercentFormat.format("%.2f", with: 2.675) == "2.67")
        #expect(try PythonPercentFormat.format("%.0f", with: 2.5) == "2")
    }

    @Test func markupFormatEscapesArgumentsAndStaysMarkup() throws {
        let result = try PythonPercentFormat.format(.markup("<b>%s</b>"), with: "<i>")
        #expect(result == .markup("<b>&lt;i&gt;</b>"))
        #expect(try PythonPercentFormat.format(.markup("%s"), with: .markup("<i>")) == .markup("<i>"))
    }

    @Test func stringFormatKeepsMarkupArgumentsAsText() throws {
        #expect(try PythonPercentFormat.format("<p>%s</p>", with: .markup("<i>x</i>")) == .string("<p><i>x</i></p>"))
    }

    @Test func missingArgumentsAreATypeError() {
        #expect(throws: TemplateError(.type, "not enough arguments for format string")) {
            try PythonPercentFormat.format("%s %s", with: .tuple(["a"]))
        }
    }

    @Test func undefinedArgumentsPrintEmptyUnlessStrict() throws {
        #expect(try PythonPercentFormat.format("[%s]", with: undefinedValue()) == "[]")
        #expect(throws: TemplateError(.undefined, "'missing' is undefined")) {
            try PythonPercentFormat.format("[%s]", with: undefinedValue(strict: true))
        }
        #expect(throws: TemplateError(.undefined, "'missing' is undefined")) {
            try PythonPercentFormat.format("[%d]", with: undefinedValue())
        }
    }

    @Test(arguments: stringCases)
    func stringFormatMatchesPython(_ testCase: PercentCase) {
        testCase.check(markup: false)
    }

    @Test(arguments: markupCases)
    func markupFormatMatchesMarkupSafe(_ testCase: PercentCase) {
        testCase.check(markup: true)
    }
}

struct PercentCase: Sendable, CustomTestStringConvertible {
    let format: String
    let arguments: TemplateValue
    let expected: PythonOutcome

    init(_ format: String, _ arguments: TemplateValue, _ expected: PythonOutcome) {
        self.format = format
        self.arguments = arguments
        self.expected = expected
    }

    var testDescription: String { "\(PythonText.repr(format)) % \(arguments.repr)" }

    func check(markup: Bool) {
        let actual = PythonOutcome({
            let result = try PythonPercentFormat.format(markup ? .markup(Markup(format)) : .string(format), with: arguments)
            if markup, case .string = result { return "result is not Markup" }
            return try result.text()
        }, expecting: expected)
        #expect(actual == expected)
    }
}

extension PercentFormatTests {
    // Generated from Python 3.11.7 by /tmp/builtins-dev/gen/gen_percent.py.
    static let stringCases: [PercentCase] = [
        PercentCase("%s", .string("x"), .value("x")),
        PercentCase("%s and %s", .tuple([.string("a"), .string("b")]), .value("a and b")),
        PercentCase("%s", .tuple([.int(1)]), .value("1")),
        PercentCase("%s", .list([.int(1), .int(2)]), .value("[1, 2]")),
        PercentCase("%s", .dictionary([.string("a"): .int(1)] as TemplateDictionary), .value("{'a': 1}")),
        PercentCase("%s", TemplateValue.none, .value("None")),
        PercentCase("%s", .bool(true), .value("True")),
        PercentCase("%s", .double(1.0), .value("1.0")),
        PercentCase("%s", .double(1e+16), .value("1e+16")),
        PercentCase("%s", .double(0.1), .value("0.1")),
        PercentCase("%r", .string("x"), .value("'x'")),
        PercentCase("%r", .double(1.5), .value("1.5")),
        PercentCase("%a", .string("é"), .value("'\\xe9'")),
        PercentCase("%.3a", .string("é"), .value("'\\x")),
        PercentCase("%5r|", .string("a"), .value("  'a'|")),
        PercentCase("%.2s", .string("abc"), .value("ab")),
        PercentCase("%5s|%-5s|", .tuple([.string("a"), .string("b")]), .value("    a|b    |")),
        PercentCase("%05s", .string("a"), .value("    a")),
        PercentCase("%d", .int(42), .value("42")),
        PercentCase("%d", .int(-42), .value("-42")),
        PercentCase("%i", .double(2.5), .value("2")),
        PercentCase("%u", .int(-3), .value("-3")),
        PercentCase("%d", .double(3.9), .value("3")),
        PercentCase("%d", .double(-3.9), .value("-3")),
        PercentCase("%d", .bool(true), .value("1")),
        PercentCase("%d", .double(1e+20), .value("100000000000000000000")),
        PercentCase("%.3d", .double(1e+20), .value("100000000000000000000")),
        PercentCase("%d", .string("5"), .error("TypeError", "%d format: a real number is required, not str")),
        PercentCase("%d", TemplateValue.none, .error("TypeError", "%d format: a real number is required, not NoneType")),
        PercentCase("%d", .double(.infinity), .error("OverflowError", "cannot convert float infinity to integer")),
        PercentCase("%d", .double(.nan), .error("ValueError", "cannot convert float NaN to integer")),
        PercentCase("%05d|% d|%+d", .tuple([.int(-42), .int(42), .int(42)]), .value("-0042| 42|+42")),
        PercentCase("% +d", .int(5), .value("+5")),
        PercentCase("%-05d|", .int(5), .value("5    |")),
        PercentCase("%5.2d", .int(3), .value("   03")),
        PercentCase("%+.3d", .int(5), .value("+005")),
        PercentCase("%010.3d", .int(-5), .value("-000000005")),
        PercentCase("%x", .int(255), .value("ff")),
        PercentCase("%X", .int(255), .value("FF")),
        PercentCase("%#x %#o %#X", .tuple([.int(255), .int(8), .int(255)]), .value("0xff 0o10 0XFF")),
        PercentCase("%x", .int(-255), .value("-ff")),
        PercentCase("%#o", .int(0), .value("0o0")),
        PercentCase("%#x", .int(0), .value("0x0")),
        PercentCase("%x", .bool(true), .value("1")),
        PercentCase("%x", .double(1.5), .error("TypeError", "%x format: an integer is required, not float")),
        PercentCase("%.3x", .int(5), .value("005")),
        PercentCase("%#.3x", .int(5), .value("0x005")),
        PercentCase("%o", .int(-8), .value("-10")),
        PercentCase("%x", .int(4611686018427387904), .value("4000000000000000")),
        PercentCase("%f", .double(3.14159), .value("3.141590")),
        PercentCase("%.2f", .double(3.14159), .value("3.14")),
        PercentCase("%5.1f|%-8.3e|%+g", .tuple([.double(3.14159), .double(1234.5), .double(0.0001)]), .value("  3.1|1.234e+03|+0.0001")),
        PercentCase("%e", .double(12345.678), .value("1.234568e+04")),
        PercentCase("%E", .double(0.000123), .value("1.230000E-04")),
        PercentCase("%g", .int(100000), .value("100000")),
        PercentCase("%g", .int(1000000), .value("1e+06")),
        PercentCase("%G", .double(1e-10), .value("1E-10")),
        PercentCase("%.3g", .int(1234567), .value("1.23e+06")),
        PercentCase("%F", .double(.infinity), .value("INF")),
        PercentCase("%f", .double(.nan), .value("nan")),
        PercentCase("%f", .double(-.infinity), .value("-inf")),
        PercentCase("%010.3f", .double(-3.5), .value("-00003.500")),
        PercentCase("%-10.3f|", .double(-3.5), .value("-3.500    |")),
        PercentCase("%#.0f", .int(3), .value("3.")),
        PercentCase("%#g", .int(3), .value("3.00000")),
        PercentCase("%.0f", .double(0.5), .value("0")),
        PercentCase("%.0f", .double(1.5), .value("2")),
        PercentCase("%.0f", .double(2.5), .value("2")),
        PercentCase("%.1f", .double(0.05), .value("0.1")),
        PercentCase("%.2f", .double(2.675), .value("2.67")),
        PercentCase("%f", .string("a"), .error("TypeError", "must be real number, not str")),
        PercentCase("%e", TemplateValue.none, .error("TypeError", "must be real number, not NoneType")),
        PercentCase("%f", .bool(true), .value("1.000000")),
        PercentCase("%.20f", .double(0.1), .value("0.10000000000000000555")),
        PercentCase("%.15g", .double(0.1), .value("0.1")),
        PercentCase("%g", .double(1e-05), .value("1e-05")),
        PercentCase("%g", .double(123456789.0), .value("1.23457e+08")),
        PercentCase("%c", .int(65), .value("A")),
        PercentCase("%c", .string("é"), .value("é")),
        PercentCase("%c", .bool(true), .value("\u{1}")),
        PercentCase("%c", .string("ab"), .error("TypeError", "%c requires int or char")),
        PercentCase("%c", .double(1.5), .error("TypeError", "%c requires int or char")),
        PercentCase("%c", .int(-1), .error("OverflowError", "%c arg not in range(0x110000)")),
        PercentCase("%c", .int(1114112), .error("OverflowError", "%c arg not in range(0x110000)")),
        PercentCase("%%", .tuple([]), .value("%")),
        PercentCase("100%%", .tuple([]), .value("100%")),
        PercentCase("%d%%", .int(50), .value("50%")),
        PercentCase("abc%", .int(1), .error("ValueError", "incomplete format")),
        PercentCase("%y", .int(1), .error("ValueError", "unsupported format character 'y' (0x79) at index 1")),
        PercentCase("%5%", .tuple([.int(1)]), .error("ValueError", "unsupported format character '%' (0x25) at index 2")),
        PercentCase("%lld", .int(5), .error("ValueError", "unsupported format character 'l' (0x6c) at index 2")),
        PercentCase("%ld|%hd|%Ld", .tuple([.int(5), .int(6), .int(7)]), .value("5|6|7")),
        PercentCase("%(a)s", .tuple([.int(1)]), .error("TypeError", "format requires a mapping")),
        PercentCase("%(a)s", .dictionary(TemplateDictionary()), .error("KeyError", "'a'")),
        PercentCase("%(a)s", .dictionary([.string("a"): .string("x")] as TemplateDictionary), .value("x")),
        PercentCase("%(a)s %(a)r", .dictionary([.string("a"): .string("x")] as TemplateDictionary), .value("x 'x'")),
        PercentCase("%(a)d", .dictionary([.string("a"): .int(4)] as TemplateDictionary), .value("4")),
        PercentCase("%(a", .dictionary([.string("a"): .int(4)] as TemplateDictionary), .error("ValueError", "incomplete format key")),
        PercentCase("%(a)s %(b)s", .dictionary([.string("a"): .int(1)] as TemplateDictionary), .error("KeyError", "'b'")),
        PercentCase("%s%(a)s", .dictionary([.string("a"): .int(1)] as TemplateDictionary), .value("{'a': 1}1")),
        PercentCase("%(a)s%s", .dictionary([.string("a"): .int(1)] as TemplateDictionary), .error("TypeError", "not enough arguments for format string")),
        PercentCase("%(a)s", .list([.int(1)]), .error("TypeError", "list indices must be integers or slices, not str")),
        PercentCase("%(x(y))s", .dictionary([.string("x(y)"): .int(2)] as TemplateDictionary), .value("2")),
        PercentCase("%*d", .tuple([.int(5), .int(3)]), .value("    3")),
        PercentCase("%-*d|", .tuple([.int(-5), .int(3)]), .value("3    |")),
        PercentCase("%*d", .dictionary([.string("a"): .int(1)] as TemplateDictionary), .error("TypeError", "* wants int")),
        PercentCase("%.*f", .tuple([.int(2), .double(3.14159)]), .value("3.14")),
        PercentCase("%.*f", .tuple([.int(-2), .double(1.5)]), .value("2")),
        PercentCase("%*s|", .tuple([.int(-3), .string("a")]), .value("a  |")),
        PercentCase("%*d", .tuple([.string("a"), .int(1)]), .error("TypeError", "* wants int")),
        PercentCase("%s %s", .tuple([.int(1)]), .error("TypeError", "not enough arguments for format string")),
        PercentCase("%s", .tuple([.int(1), .int(2)]), .error("TypeError", "not all arguments converted during string formatting")),
        PercentCase("%s", .tuple([]), .error("TypeError", "not enough arguments for format string")),
        PercentCase("%s", .tuple([.tuple([])]), .value("()")),
        PercentCase("", .dictionary([.string("a"): .int(1)] as TemplateDictionary), .value("")),
        PercentCase("", .int(5), .error("TypeError", "not all arguments converted during string formatting")),
        PercentCase("", .list([]), .value("")),
        PercentCase("", .tuple([]), .value("")),
        PercentCase("%s", .list([.int(1)]), .value("[1]")),
        PercentCase("é%sü", .string("ß"), .value("éßü")),
        PercentCase("%3s|", .string("é"), .value("  é|")),
    ]
    static let markupCases: [PercentCase] = [
        PercentCase("<b>%s</b>", .string("<i>"), .value("<b>&lt;i&gt;</b>")),
        PercentCase("%s|%r", .tuple([.string("<a>"), .string("<b>")]), .value("&lt;a&gt;|&#39;&lt;b&gt;&#39;")),
        PercentCase("%(a)s", .dictionary([.string("a"): .string("<")] as TemplateDictionary), .value("&lt;")),
        PercentCase("%s", .markup(Markup("<i>")), .value("<i>")),
        PercentCase("%.1f", .double(2.25), .value("2.2")),
        PercentCase("%d", .string("5"), .value("5")),
        PercentCase("%d", .string("a"), .error("ValueError", "invalid literal for int() with base 10: 'a'")),
        PercentCase("%d", TemplateValue.none, .error("TypeError", "%d format: a real number is required, not _MarkupEscapeHelper")),
        PercentCase("%f", .string("2.5"), .value("2.500000")),
        PercentCase("%f", .string("x"), .error("ValueError", "could not convert string to float: 'x'")),
        PercentCase("%f", TemplateValue.none, .error("TypeError", "float() argument must be a string or a real number, not 'NoneType'")),
        PercentCase("%x", .int(255), .error("TypeError", "%x format: an integer is required, not _MarkupEscapeHelper")),
        PercentCase("%c", .string("<"), .error("TypeError", "%c requires int or char")),
        PercentCase("%s", TemplateValue.none, .value("None")),
        PercentCase("%s", .list([.int(1), .string("<")]), .value("[1, &#39;&lt;&#39;]")),
        PercentCase("%5s|", .string("<"), .value(" &lt;|")),
        PercentCase("%d", .double(2.7), .value("2")),
        PercentCase("%s", .int(1), .value("1")),
    ]
}
