import Testing
@testable import AsyncWebTemplates

/// Behaviour of our engine that the Jinja2 corpus does not pin down: Swift
/// values in, errors out, and the shortcuts the renderer takes for speed.
@Suite("Template engine")
struct TemplateEngineTests {
    private func render(_ source: String, _ context: TemplateContext = [:], name: String = "page.html") throws -> String {
        let environment = TemplateEnvironment(loader: DictionaryTemplateLoader([name: source]))
        return try environment.render(name, context)
    }

    struct Product: Encodable {
        let name: String
        let price: Double
        let tags: [String]
        let discontinued: Bool?
    }

    @Test func encodableValuesKeepTheirShape() throws {
        let product = Product(name: "<Lamp>", price: 12.5, tags: ["new", "eco"], discontinued: nil)
        let text = try render(
            "{{ p.name }} {{ '%.2f'|format(p.price) }} {{ p.tags|join('/') }} {{ p.discontinued is defined }}",
            ["p": product])
        // Synthesized Encodable leaves out nil optionals, so the attribute is undefined rather than None.
        #expect(text == "&lt;Lamp&gt; 12.50 new/eco False")
    }

    @Test func markupInTheContextIsNotEscapedAgain() throws {
        #expect(try render("{{ safe }} {{ raw }}", ["safe": Markup("<b>x</b>"), "raw": "<b>x</b>"]) == "<b>x</b> &lt;b&gt;x&lt;/b&gt;")
    }

    @Test func jsonContextKeepsKeyOrderAndIntegerOrFloat() throws {
        let context = try TemplateContext(json: #"{"d": {"b": 1, "a": 1.0}}"#)
        #expect(try render("{{ d }}", context) == "{&#39;b&#39;: 1, &#39;a&#39;: 1.0}")
    }

    @Test func renderBytesGivesTheSameUTF8() throws {
        let environment = TemplateEnvironment(loader: DictionaryTemplateLoader(["p.txt": "héllo {{ n }}"]))
        let template = try environment.template(named: "p.txt")
        #expect(try template.renderBytes(["n": 42]) == Array("héllo 42".utf8))
    }

    @Test func aMacroDefinedInALoopKeepsItsScopeAfterTheLoop() throws {
        // Loop scopes are reused once a loop ends, unless something still holds them.
        let source = """
            {% set ns = namespace() %}{% for x in [1, 2] %}{% macro m() %}[{{ x }}]{% endmacro %}\
            {% set ns.m = m %}{% endfor %}{% for y in [7, 8, 9] %}{{ y }}{% endfor %}{{ ns.m() }}
            """
        #expect(try render(source, name: "p.txt") == "789[2]")
    }

    @Test func nestedLoopsAndMacroCallsReuseScopesWithoutMixingThem() throws {
        let source = """
            {% macro cell(v) %}<{{ v }}{% for c in 'ab' %}{{ c }}{{ loop.index }}{% endfor %}>{% endmacro %}\
            {% for row in rows %}{% for v in row %}{{ cell(v) }}{% endfor %};{% endfor %}
            """
        #expect(try render(source, ["rows": [[1, 2], [3]]], name: "p.txt") == "<1a1b2><2a1b2>;<3a1b2>;")
    }

    final class Probe: TemplateObject {
        func attribute(_ name: String) -> TemplateValue? { nil }
    }

    @Test func aRenderLeavesNothingBehind() throws {
        // Macros hold the scopes they are defined in and scopes hold macros;
        // the render breaks those cycles when it ends, or every page would leak.
        let environment = TemplateEnvironment(loader: DictionaryTemplateLoader([
            "page.html": "{% import 'm.html' as m %}{% macro local() %}{{ probe }}{% endmacro %}{{ local() }}{{ m.x() }}",
            "m.html": "{% macro x() %}x{% endmacro %}",
        ]))
        weak var released: Probe?
        try {
            let probe = Probe()
            released = probe
            _ = try environment.render("page.html", TemplateContext(["probe": .object(probe)]))
        }()
        #expect(released == nil)
    }

    @Test func appendUpdatesTheVariableItWasCalledOn() throws {
        #expect(try render("{% set l = [1] %}{% set d = {'k': [1]} %}{{ l.append(2) }}{{ l }}", name: "p.txt") == "None[1, 2]")
    }

    @Test func printedMacroCallsAreMarkupEvenWhenRenderedDirectly() throws {
        let source = "{% macro b(t) %}<b>{{ t }}</b>{% endmacro %}{{ b('<x>') }}|{{ b('<x>')|e }}|{{ b('<x>')|length }}"
        #expect(try render(source) == "<b>&lt;x&gt;</b>|<b>&lt;x&gt;</b>|16")
    }

    @Test func runtimeErrorsInAnIncludedTemplateNameThatTemplate() throws {
        let environment = TemplateEnvironment(loader: DictionaryTemplateLoader([
            "page.html": "top\n{% include 'row.html' %}",
            "row.html": "one\ntwo {{ 1 // 0 }}",
        ]))
        let error = #expect(throws: TemplateError.self) { try environment.render("page.html") }
        #expect(error?.kind == .zeroDivision && error?.message == "integer division or modulo by zero")
        #expect(error?.templateName == "row.html" && error?.line == 2)
    }

    @Test func integersGrowPast64BitsAsPythonsDo() throws {
        #expect(try render("{{ 9223372036854775807 + 1 }}") == "9223372036854775808")
    }

    @Test func customFiltersAndTestsJoinTheBuiltins() throws {
        var configuration = TemplateEnvironment.Configuration()
        configuration.filters["shout"] = { value, _ in .string(try value.text().uppercased()) }
        configuration.tests["short"] = { value, _ in try value.count() < 3 }
        configuration.globals["site"] = "AsyncWeb"
        let environment = TemplateEnvironment(
            loader: DictionaryTemplateLoader(["p.txt": "{{ site|shout }} {{ 'ab' is short }}"]), configuration: configuration)
        #expect(try environment.render("p.txt") == "ASYNCWEB True")
    }

    @Test func formatWithALiteralFixedPointFormatMatchesPython() throws {
        // `"%.Nf"|format(x)` is compiled to a direct formatting of numbers; the rest falls back to the filter.
        #expect(try render(#"{{ "%.2f"|format(2.675) }} {{ "%.0f"|format(0.5) }} {{ "%.1f"|format(true) }} {{ "%.3f"|format(12) }}"#)
            == "2.67 0 1.0 12.000")
        let error = #expect(throws: TemplateError.self) { try render(#"{{ "%.2f"|format("a") }}"#) }
        #expect(error?.kind == .type && error?.message == "must be real number, not str")
    }

    @Test func fixedPointFormattingMatchesPrintf() {
        // `%.Nf` skips printf when the shortest digits settle the rounding; check it never differs.
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 2.675, 0.125, 1.005, 0.5, 1.5, 2.5, 999.995, 0.045, 1e14 + 0.5, 123.456]
        for _ in 0..<20_000 {
            values.append(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 1000)
            values.append(Double.random(in: -1e6...1e6, using: &generator))
        }
        for value in values {
            for precision in 0...6 {
                if let fast = CFormat.fixed(value, precision: precision) {
                    #expect(fast == CFormat.double(value, "%.\(precision)f"), "\(value) %.\(precision)f")
                }
            }
        }
    }
}
