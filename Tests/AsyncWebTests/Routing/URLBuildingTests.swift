import Testing

import AsyncWeb

@Suite("URL building") struct URLBuildingTests {
    private func blogMap() throws -> URLMap {
        var map = URLMap()
        try map.add("/", endpoint: "index")
        try map.add("/user/<username>", endpoint: "profile")
        try map.add("/post/<int:post_id>", endpoint: "show_post", methods: [.get])
        try map.add("/post/<int:post_id>/edit", endpoint: "show_post", methods: [.post])
        try map.add("/list/", endpoint: "list")
        try map.add("/list/<int:page>", endpoint: "list")
        return map
    }

    @Test func buildsWithConvertedAndPercentEncodedValues() throws {
        let map = try blogMap()
        #expect(try map.build(endpoint: "show_post", arguments: ["post_id": "007"]) == "/post/7")
        #expect(try map.build(endpoint: "profile", arguments: ["username": "a b?\u{FC}"]) == "/user/a%20b%3F%C3%BC")
    }

    @Test func unknownArgumentsBecomeTheQueryStringInTheOrderGiven() throws {
        let map = try blogMap()
        let url = try map.build(endpoint: "profile", arguments: ["username": "ada", "tab": "posts", "q": "a b&c"])
        #expect(url == "/user/ada?tab=posts&q=a+b%26c")
    }

    @Test func argumentsGatheredAtRunTimeKeepTheirOrderAndRepeats() throws {
        let map = try blogMap()
        let arguments = [(name: "tag", value: "x"), (name: "username", value: "ada"), (name: "tag", value: "y")]
        #expect(try map.build(endpoint: "profile", arguments: arguments) == "/user/ada?tag=x&tag=y")
    }

    @Test func ruleWithMoreArgumentsIsPreferred() throws {
        let map = try blogMap()
        #expect(try map.build(endpoint: "list") == "/list/")
        #expect(try map.build(endpoint: "list", arguments: ["page": "2"]) == "/list/2")
    }

    @Test func methodSelectsTheRule() throws {
        let map = try blogMap()
        #expect(try map.build(endpoint: "show_post", arguments: ["post_id": "1"]) == "/post/1")
        #expect(try map.build(endpoint: "show_post", arguments: ["post_id": "1"], method: .post) == "/post/1/edit")
    }

    @Test func externalURLHasSchemeHostAndScriptRoot() throws {
        let map = try blogMap()
        #expect(try map.build(endpoint: "index", external: true) == "http://localhost/")
        let url = try map.build(
            endpoint: "profile", arguments: ["username": "ada"], external: true, scheme: "https",
            host: "Example.com:8443", scriptRoot: "/app")
        #expect(url == "https://example.com:8443/app/user/ada")
        #expect(try map.build(endpoint: "index", scriptRoot: "/app") == "/app/")
    }

    @Test func missingArgumentErrorNamesTheEndpointAndTheValues() throws {
        let map = try blogMap()
        let message = "Could not build url for endpoint 'show_post'. Did you forget to specify values ['post_id']?"
        #expect(throws: URLBuildError.noMatchingRule(endpoint: "show_post", message: message)) {
            try map.build(endpoint: "show_post")
        }
    }

    @Test func unknownEndpointSuggestsTheClosestOne() throws {
        let map = try blogMap()
        do {
            _ = try map.build(endpoint: "show_posts", arguments: ["post_id": "1"])
            Issue.record("expected a build error")
        } catch {
            #expect(
                error.description
                    == "Could not build url for endpoint 'show_posts' with values ['post_id']. Did you mean 'show_post' instead?"
            )
        }
    }

    @Test func wrongMethodSuggestsTheRulesMethods() throws {
        var map = URLMap()
        try map.add("/search", endpoint: "search")
        let message =
            "Could not build url for endpoint 'search' ('POST'). Did you mean to use methods ['GET', 'HEAD', 'OPTIONS']?"
        #expect(throws: URLBuildError.noMatchingRule(endpoint: "search", message: message)) {
            try map.build(endpoint: "search", method: .post)
        }
    }

    @Test func converterRefusalIsAnInvalidValue() throws {
        let map = try blogMap()
        let expected = URLBuildError.invalidValue(
            endpoint: "show_post", argument: "post_id", message: "invalid literal for int() with base 10: 'abc'")
        #expect(throws: expected) { try map.build(endpoint: "show_post", arguments: ["post_id": "abc"]) }
        #expect(expected.description.contains("'post_id'"))
    }
}
