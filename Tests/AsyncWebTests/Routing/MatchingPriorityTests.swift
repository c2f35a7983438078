import Testing

import AsyncWeb

@Suite("Matching priority") struct MatchingPriorityTests {
    private func endpoint(_ path: String, in map: URLMap) throws -> String {
        try map.match(path: path, method: .get).endpoint
    }

    @Test func literalSegmentBeatsAPlaceholder() throws {
        for patterns in [["/user/<name>", "/user/new"], ["/user/new", "/user/<name>"]] {
            var map = URLMap()
            for pattern in patterns {
                try map.add(pattern, endpoint: pattern)
            }
            #expect(try endpoint("/user/new", in: map) == "/user/new")
            #expect(try endpoint("/user/ada", in: map) == "/user/<name>")
        }
    }

    @Test func intBeatsPathForDigits() throws {
        var map = URLMap()
        try map.add("/page/<path:p>", endpoint: "path")
        try map.add("/page/<int:n>", endpoint: "int")
        #expect(try endpoint("/page/3", in: map) == "int")
        #expect(try endpoint("/page/3/4", in: map) == "path")
        #expect(try endpoint("/page/x", in: map) == "path")
    }

    @Test func segmentWithMoreLiteralTextIsTriedFirst() throws {
        var map = URLMap()
        try map.add("/user/<name>", endpoint: "html")
        try map.add("/user/<name>.json", endpoint: "json")
        #expect(try endpoint("/user/ada.json", in: map) == "json")
        #expect(try endpoint("/user/ada", in: map) == "html")
    }

    @Test func searchBacktracksWhenALiteralBranchDeadEnds() throws {
        var map = URLMap()
        try map.add("/user/new", endpoint: "new")
        try map.add("/user/<name>/edit", endpoint: "edit")
        let match = try map.match(path: "/user/new/edit", method: .get)
        #expect(match.endpoint == "edit")
        #expect(match.arguments["name"] == "new")
    }

    @Test func aRefusedValueIsNotFoundRatherThanTheNextRule() throws {
        // Werkzeug converts only after choosing the rule: `max` failing
        // does not fall through to the string rule.
        var map = URLMap()
        try map.add("/n/<int(max=10):n>", endpoint: "small")
        try map.add("/n/<name>", endpoint: "name")
        #expect(try endpoint("/n/5", in: map) == "small")
        #expect(throws: RoutingError.notFound) { try map.match(path: "/n/50", method: .get) }
        #expect(try endpoint("/n/x", in: map) == "name")
    }

    @Test func placeholdersInsideASegmentMatchLikeARegex() throws {
        var map = URLMap()
        try map.add("/x/<a>-<b>", endpoint: "dash")
        let arguments = try map.match(path: "/x/a-b-c", method: .get).arguments
        #expect(arguments["a"] == "a-b")
        #expect(arguments["b"] == "c")
    }

    @Test func argumentsKeepTheRuleOrder() throws {
        var map = URLMap()
        try map.add("/<lang>/post/<int:id>/<path:rest>", endpoint: "post")
        let arguments = try map.match(path: "/en/post/7/a/b", method: .get).arguments
        #expect(arguments.names == ["lang", "id", "rest"])
        #expect(arguments.count == 3)
    }

    @Test func leadingSlashesAreIgnoredAndRepeatedOnesRedirect() throws {
        var map = URLMap()
        try map.add("/a/b", endpoint: "ab")
        #expect(try endpoint("//a/b", in: map) == "ab")
        #expect(throws: RoutingError.redirect(to: "/a/b")) { try map.match(path: "/a//b", method: .get) }
    }

    @Test func literalSegmentsCompareScalarsLikePython() throws {
        var map = URLMap()
        try map.add("/caf\u{E9}", endpoint: "composed")
        #expect(try endpoint("/caf\u{E9}", in: map) == "composed")
        #expect(throws: RoutingError.notFound) { try map.match(path: "/cafe\u{301}", method: .get) }
    }
}
