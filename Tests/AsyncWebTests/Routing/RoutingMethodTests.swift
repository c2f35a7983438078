import Testing

import AsyncWeb

@Suite("Routing methods") struct RoutingMethodTests {
    @Test func headIsAllowedWhereverGetIs() throws {
        var map = URLMap()
        let rule = try map.add("/", endpoint: "index")
        #expect(rule.methods == [.get, .head, .options])
        #expect(try map.match(path: "/", method: .head).endpoint == "index")
    }

    @Test func optionsMatchesEveryRuleThatAnswersItAutomatically() throws {
        var map = URLMap()
        try map.add("/post/<int:id>", endpoint: "post", methods: [.post])
        let match = try map.match(path: "/post/1", method: .options)
        #expect(match.rule.providesAutomaticOptions)
        #expect(map.allowedMethods(path: "/post/1") == [.options, .post])
    }

    @Test func ruleThatNamesOptionsAnswersItItself() throws {
        var map = URLMap()
        let rule = try map.add("/cors", endpoint: "cors", methods: [.get, .options])
        #expect(!rule.providesAutomaticOptions)
        #expect(try map.match(path: "/cors", method: .options).endpoint == "cors")
    }

    @Test func automaticOptionsCanBeTurnedOff() throws {
        var map = URLMap()
        try map.add("/d", endpoint: "delete", methods: [.delete], automaticOptions: false)
        #expect(throws: RoutingError.methodNotAllowed(allowed: [.delete])) {
            try map.match(path: "/d", method: .options)
        }
    }

    @Test func wrongMethodIs405WithEveryAllowedMethodSortedByName() throws {
        var map = URLMap()
        try map.add("/login", endpoint: "form")
        try map.add("/login", endpoint: "login", methods: [.post])
        do {
            _ = try map.match(path: "/login", method: .delete)
            Issue.record("expected 405")
        } catch {
            #expect(error == .methodNotAllowed(allowed: [.get, .head, .options, .post]))
            #expect(error.status == 405)
        }
    }

    @Test func sameRuleForAnotherMethodIsFoundBeyondTheFirst() throws {
        var map = URLMap()
        try map.add("/login", endpoint: "form")
        try map.add("/login", endpoint: "login", methods: [.post])
        #expect(try map.match(path: "/login", method: .post).endpoint == "login")
    }

    @Test func allowedMethodsIsEmptyWhenNothingMatches() {
        #expect(URLMap().allowedMethods(path: "/") == [])
    }

    @Test func methodsAreCaseSensitive() throws {
        // RFC 9110 §9.1; Werkzeug upper-cases the method instead.
        var map = URLMap()
        try map.add("/", endpoint: "index")
        #expect(throws: RoutingError.methodNotAllowed(allowed: [.get, .head, .options])) {
            try map.match(path: "/", method: HTTPMethod(rawValue: "get"))
        }
    }

    @Test func notFoundIs404() {
        #expect(RoutingError.notFound.status == 404)
    }
}
