import AsyncWebTemplates
import Testing

/// Template arithmetic on integers at the edges of 64 bits. Python's integers
/// are unbounded, and so are ours: whether Jinja2 answers with a small number,
/// a number past 64 bits or an exception, we answer the same. Nothing a
/// template's data holds can trap.
@Suite("Template integer arithmetic at the edges")
struct IntegerArithmeticEdgeTests {
    static let context = #"{"big": 9223372036854775807, "small": -9223372036854775808}"#

    private func render(_ source: String) -> String {
        JinjaOracle.ours(source, context: Self.context)
    }

    /// Sources whose Jinja2 answer fits 64 bits; none of them runs long in Python.
    static let sharedAnswers = [
        "{{ (-1) ** 3 }}", "{{ (-1) ** 4 }}", "{{ (-1) ** 999999999999 }}", "{{ 0 ** 999999999999 }}", "{{ 1 ** big }}",
        "{{ small % -1 }}", "{{ small // 1 }}", "{{ big // small }}", "{{ small % big }}", "{{ 1 // 0 }}", "{{ 1 % 0 }}",
        "{{ 7.5 % -2 }}", "{{ range(small, big, 2)[-1] }}", "{{ range(small, big, 2)[0] }}", "{{ range(big, small, -3)[-1] }}",
        "{{ range(0, 10**12)[-1] }}", "{{ range(0, 10**12)|length }}", "{{ 999999999999 in range(0, 10**12) }}",
        "{{ small in range(0, -5, -1) }}", "{{ range(0, -5, -1).index(small) }}", "{{ range(small, big)|length }}",
        "{{ range(3, 20, 4).index(11) }}", "{{ 2.0 in range(5) }}", "{{ range(0, 10, 0) }}", "{{ range(5, 10, big)|list }}",
        "{{ range(-5, -10, small)|list }}", "{{ range(0, 10**12) is iterable }}", "{{ 'yes' if range(0, 10**12) else 'no' }}",
        "{{ 'abc'[big:] }}", "{{ 'abc'[small:] }}", "{{ 'abc'[::big] }}", "{{ 'abc'[2::big] }}", "{{ 'abc'[::small] }}",
        "{{ 'abc'[big:small:-1] }}", "{{ [1, 2, 3][1:big] }}", "{{ 'abc'[small] }}", "{{ [1, 2, 3][big] }}",
        "{{ 5.5|round(small) }}", "{{ 5.5|round(big) }}", "{{ 5|round(small, 'floor') }}", "{{ big|round(-18) }}",
        "{{ 'abc'|truncate(big) }}", "{{ 'abcdefgh'|truncate(3, leeway=big) }}", "{{ 'abc'|truncate(small) }}",
        "{{ 'abcabc'.find('b', big) }}", "{{ 'abcabc'.count('', small, big) }}",
        "{{ 'a\\tb'.expandtabs(big) }}", "{{ '%.*f'|format(big, 1.0) }}", "{{ '{0[9999999999999999999]}'.format([1]) }}",
        "{{ '{9999999999999999999}'.format(1) }}", "{{ lipsum(1, min=5, max=small) }}", "{{ lipsum(2, min=-10, max=-5) }}",
        "{{ '%c'|format(big) }}", "{{ '%x'|format(small) }}", "{{ '{:_b}'.format(small) }}", "{{ 'abc'.zfill(small) }}",
        "{{ 'abc'|center(small) }}", "{{ 'abc'.ljust(small, '*') }}", "{{ 'abc'|indent(small) }}",
    ]

    @Test func edgesWhereJinjaAnswersWithin64BitsAnswerAsJinjaDoes() throws {
        let jinja = try JinjaOracle.outcomes(Self.sharedAnswers, context: Self.context)
        for (source, expected) in zip(Self.sharedAnswers, jinja) {
            #expect(render(source) == expected, "\(source)")
        }
    }

    /// Sources whose Jinja2 answer is an integer past 64 bits.
    static let answersPast64Bits = [
        "{{ 9223372036854775807 + 1 }}", "{{ big + 1 }}", "{{ small - 1 }}", "{{ big * 2 }}", "{{ small * -1 }}",
        "{{ small // -1 }}", "{{ -small }}", "{{ 2 ** 64 }}", "{{ 2 ** 10**18 }}", "{{ (-2) ** 64 }}", "{{ small|abs }}",
        "{{ small|round(-1) }}", "{{ big|round(-19) }}", "{{ 1e19|int }}", "{{ '9223372036854775808'|int }}",
        "{{ [big, 1]|sum }}", "{{ range(0, 5, 1).count(small) + big + 1 }}",
    ]

    @Test func integerResultsPast64BitsGrowAsJinjasDo() throws {
        let jinja = try JinjaOracle.outcomes(Self.answersPast64Bits, context: Self.context)
        for (source, expected) in zip(Self.answersPast64Bits, jinja) {
            #expect(render(source) == expected, "\(source)")
        }
    }

    @Test func roundingAnIntegerToMoreDigitsThanItHasGivesZero() {
        // Python rounds 5 to -9223372036854775808 digits by computing 10**(2**63): no answer in our lifetimes.
        #expect(render("{{ 5|round(small) }}") == "0")
        #expect(render("{{ 5000000000000000000|round(-19) }}") == "0")
    }

    @Test func floatsNoIntegerCanHoldAreRefusedWhereAnIntegerIsNeeded() {
        #expect(render("{{ (1e308 * 10)|int }}") == "!OverflowError")
        #expect(render("{{ (1e308 * 10 - 1e308 * 10)|round(method='floor') }}") == "!ValueError")
        #expect(render("{{ (1e308 * 10)|round(method='ceil') }}") == "!OverflowError")
        // `%d` of a float keeps all its digits, as Python's int() of it does.
        #expect(render("{{ '%d'|format(1e300) }}").count == 301)
    }
}
