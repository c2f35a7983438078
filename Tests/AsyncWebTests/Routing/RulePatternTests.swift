import Testing

@testable import AsyncWeb

@Suite("Rule patterns") struct RulePatternTests {
    private func registrationError(_ pattern: String) -> RulePatternError? {
        var map = URLMap()
        do {
            try map.add(pattern, endpoint: "e")
            return nil
        } catch {
            return error
        }
    }

    @Test func patternMustStartWithASlash() {
        #expect(registrationError("user")?.description == "Invalid URL rule 'user': a rule must start with a slash")
    }

    @Test func malformedPlaceholderFailsAtRegistration() {
        for pattern in ["/user/<int:id", "/<a b>", "/<int:>", "/<1x>", "/<int(3:x>"] {
            let error = registrationError(pattern)
            #expect(error?.pattern == pattern)
            #expect(error?.reason.contains("malformed placeholder") == true)
        }
    }

    @Test func unknownConverterIsNamedWithTheRegisteredOnes() {
        let reason = registrationError("/<hex:x>")?.reason
        #expect(reason == "no converter named 'hex' (registered: any, default, float, int, path, string, uuid)")
    }

    @Test func repeatedPlaceholderNameIsRejected() {
        #expect(registrationError("/<a>/<int:a>")?.reason == "the placeholder name 'a' is used twice")
    }

    @Test func converterArgumentsAreCheckedAtRegistration() {
        #expect(
            registrationError("/<int(x=1):n>")?.reason
                == "converter 'int' has no parameter 'x' (parameters: fixed_digits, min, max, signed)")
        #expect(
            registrationError("/<string(length=True):s>")?.reason
                == "converter 'string' needs an integer for 'length', not True")
        #expect(registrationError("/<int(1, 2, 3, 4, 5):n>")?.reason.contains("at most 4") == true)
        #expect(registrationError("/<int(3, fixed_digits=4):n>")?.reason == "converter 'int' got 'fixed_digits' twice")
        #expect(registrationError("/<int(min=-1):n>")?.reason.contains("cannot parse the argument") == true)
        #expect(registrationError("/<any(1, 2):n>")?.reason.contains("names or quoted strings") == true)
        #expect(registrationError("/<path(x):p>")?.reason.contains("at most 0") == true)
    }

    @Test func converterArgumentsReadPythonLiterals() throws {
        let arguments = try ConverterArguments(converter: "c", parsing: #"about, u"a,b", 'x', 4, 2.5, n=None, t=True,"#)
        #expect(arguments.positional == [.string("about"), .string("a,b"), .string("x"), .int(4), .double(2.5)])
        #expect(arguments.named.map(\.name) == ["n", "t"])
        #expect(arguments.named.map(\.value) == [.none, .bool(true)])
    }

    @Test func repeatedSlashesInAPatternAreMerged() throws {
        var map = URLMap()
        try map.add("/a//b", endpoint: "ab")
        #expect(try map.match(path: "/a/b", method: .get).endpoint == "ab")
        #expect(try map.build(endpoint: "ab") == "/a/b")
    }

    @Test func ruleDescriptionReadsLikeWerkzeugs() throws {
        var map = URLMap()
        let rule = try map.add("/post/<int:id>", endpoint: "show_post")
        #expect(rule.description == "<Rule '/post/<int:id>' (GET, HEAD, OPTIONS) -> show_post>")
        #expect(rule.argumentNames == ["id"])
    }
}
