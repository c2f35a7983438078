import AsyncWebTemplates
import Testing

/// Templates that call themselves as deep as their data says: Jinja2 stops
/// them with `RecursionError` near 250 nested macro calls, and so do we, at
/// ``TemplateRenderState/maximumCallDepth``, before the thread's stack runs out.
/// A namespace that holds itself prints once, as Python's reprs do.
@Suite("Template recursion depth")
struct RecursionDepthTests {
    static let countdown = """
        {% macro countdown(n) %}{% if n > 0 %}{{ countdown(n - 1) }}{% else %}liftoff{% endif %}{% endmacro %}
        """

    private func render(_ templates: [String: String], _ context: TemplateContext = [:]) throws -> String {
        try TemplateEnvironment(loader: DictionaryTemplateLoader(templates)).render("page.txt", context)
    }

    @Test func macroRecursionAsDeepAsJinjaAllowsRenders() throws {
        #expect(try render(["page.txt": Self.countdown + "{{ countdown(240) }}"]) == "liftoff")
    }

    @Test func macroRecursionPastTheLimitIsARecursionError() {
        let error = #expect(throws: TemplateError.self) {
            try render(["page.txt": Self.countdown + "{{ countdown(n) }}"], ["n": 100_000])
        }
        #expect(error?.kind == .recursion)
    }

    @Test func aRecursiveLoopThatNeverEndsIsARecursionError() {
        let error = #expect(throws: TemplateError.self) {
            try render(["page.txt": "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}"])
        }
        #expect(error?.kind == .recursion)
    }

    @Test func aTemplateThatIncludesItselfIsARecursionError() {
        let error = #expect(throws: TemplateError.self) {
            try render(["page.txt": "x{% include 'page.txt' %}"])
        }
        #expect(error?.kind == .recursion)
    }

    @Test func aBlockThatRendersItselfIsARecursionError() {
        let error = #expect(throws: TemplateError.self) {
            try render(["page.txt": "{% block a %}{{ self.a() }}{% endblock %}"])
        }
        #expect(error?.kind == .recursion)
    }

    @Test func callerBlocksCountTowardTheDepth() throws {
        let source = """
            {% macro wrap() %}{{ caller() }}{% endmacro %}\
            {% macro nest(n) %}{% call wrap() %}{{ nest(n - 1) if n else 'core' }}{% endcall %}{% endmacro %}{{ nest(n) }}
            """
        let error = #expect(throws: TemplateError.self) {
            try render(["page.txt": source], ["n": 100_000])
        }
        #expect(error?.kind == .recursion)
        #expect(try render(["page.txt": source], ["n": 50]) == "core")
    }

    @Test func aNamespaceThatHoldsItselfPrintsAsJinjaPrintsIt() throws {
        let sources = [
            "{% set ns = namespace() %}{% set ns.me = ns %}{{ ns }}|{{ ns|pprint }}|{{ [ns]|string }}|{{ ns.me.me.me }}",
            "{% set a = namespace() %}{% set b = namespace(a=a) %}{% set a.b = b %}{{ a }}",
        ]
        for (source, jinja) in zip(sources, try JinjaOracle.outcomes(sources, context: "{}")) {
            #expect(JinjaOracle.ours(source, context: "{}") == jinja, "\(source)")
        }
    }

    @Test func aNamespaceThatHoldsItselfIsFreedWithItsRender() throws {
        final class Sighting: @unchecked Sendable { weak var namespace: AnyObject? }
        let sighting = Sighting()
        let see = TemplateCallable(name: "see") { arguments in
            if case .object(let namespace) = arguments.positional.first { sighting.namespace = namespace }
            return ""
        }
        let source = "{% set ns = namespace() %}{% set ns.me = ns %}{% set ns.list = [ns] %}{{ see(ns) }}"
        _ = try render(["page.txt": source], TemplateContext(["see": .callable(see)]))
        #expect(sighting.namespace == nil)
    }
}
