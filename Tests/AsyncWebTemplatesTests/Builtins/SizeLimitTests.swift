@testable import AsyncWebTemplates
import Testing

/// Strings and lists a template builds from a number in its data: repeated,
/// padded, indented, listed. Past ``TemplateSizeLimit`` (where Python would
/// raise `MemoryError`, or take all the memory there is) the render fails with
/// `MemoryError` instead of the process failing to allocate.
@Suite("Template size limit")
struct SizeLimitTests {
    static let context = #"{"big": 9223372036854775807, "small": -9223372036854775808, "half": 8388608}"#

    private func render(_ source: String) -> String {
        JinjaOracle.ours(source, context: Self.context)
    }

    @Test(arguments: [
        "{{ 'x' * 10**12 }}", "{{ 'xx' * big }}", "{{ [1] * big }}", "{{ (1, 2) * 10**12 }}", "{{ 'ab' * (half + 1) }}",
        "{{ range(0, 10**12)|list }}", "{{ range(0, 10**12)[::2] }}", "{% for i in range(10**12) %}{% endfor %}",
        "{{ 'abc'|center(big) }}", "{{ 'abc'.center(big) }}", "{{ 'abc'.ljust(big) }}", "{{ 'abc'.rjust(big) }}",
        "{{ 'abc'.zfill(big) }}", "{{ 'abc'|indent(big) }}", "{{ 'a\\tb'.expandtabs(2147483647) }}",
        "{{ '{:20000000}'.format(1) }}", "{{ '{:.2147483647}'.format(1.5) }}", "{{ '{:.20000000%}'.format(1) }}",
        "{{ '%*d'|format(small, 1) }}", "{{ '%20000000s'|format('x') }}", "{{ '%.*d'|format(2147483647, 1) }}",
        "{{ '%*.*f'|format(big, big, 1.0) }}", "{{ {'a': 1}|tojson(indent=big) }}", "{{ [1, 2, 3]|batch(big, 0)|list }}",
        "{{ [1, 2, 3]|slice(big)|list }}", "{{ lipsum(big) }}", "{{ lipsum(1, min=1, max=big) }}",
    ])
    func resultsPastTheLimitAreMemoryErrors(source: String) {
        #expect(render(source) == "!MemoryError")
    }

    @Test func aResultOfExactlyTheLimitIsBuilt() {
        #expect(render("{{ ('ab' * half)|length }}") == String(TemplateSizeLimit.maximumLength))
    }

    @Test func emptySequencesRepeatedAnyNumberOfTimesStayEmpty() {
        #expect(render("{{ '' * big }}|{{ [] * big }}|{{ () * 10**18 }}") == "|[]|()")
    }

    @Test func negativeAndSmallWidthsLeaveTheTextAsItIs() {
        #expect(render("{{ 'abc'|center(small) }}|{{ 'abc'.zfill(small) }}|{{ 'abc'|indent(small) }}|{{ 'x' * small }}") == "abc|abc|abc|")
        #expect(render("{{ 'abc'|center(7) }}|{{ '-5'.zfill(4) }}|{{ 'a\\tb'.expandtabs(4) }}|{{ '%5d'|format(1) }}")
            == "  abc  |-005|a   b|    1")
    }
}
