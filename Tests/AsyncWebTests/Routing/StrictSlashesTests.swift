import Testing

import AsyncWeb

@Suite("Strict slashes") struct StrictSlashesTests {
    @Test func trailingSlashRuleRedirectsWith308() throws {
        var map = URLMap()
        try map.add("/projects/", endpoint: "projects")
        do {
            _ = try map.match(path: "/projects", method: .get)
            Issue.record("expected a redirect")
        } catch {
            #expect(error == .redirect(to: "/projects/"))
            #expect(error.status == 308)
        }
        #expect(try map.match(path: "/projects/", method: .get).endpoint == "projects")
    }

    @Test func redirectKeepsTheQueryString() throws {
        var map = URLMap()
        try map.add("/projects/", endpoint: "projects")
        #expect(throws: RoutingError.redirect(to: "/projects/?page=2&sort=new")) {
            try map.match(path: "/projects", method: .get, query: "page=2&sort=new")
        }
    }

    @Test func redirectTargetIsPercentEncoded() throws {
        var map = URLMap()
        try map.add("/caf\u{E9} menu/<item>/", endpoint: "menu")
        #expect(throws: RoutingError.redirect(to: "/caf%C3%A9%20menu/a%3Fb/")) {
            try map.match(path: "/caf\u{E9} menu/a?b", method: .get)
        }
    }

    @Test func ruleWithoutTrailingSlashRequestedWithOneIsNotFound() throws {
        var map = URLMap()
        try map.add("/about", endpoint: "about")
        #expect(throws: RoutingError.notFound) { try map.match(path: "/about/", method: .get) }
    }

    @Test func nonStrictRuleMatchesWithAndWithoutTheSlash() throws {
        var map = URLMap()
        try map.add("/lax/", endpoint: "lax", strictSlashes: false)
        #expect(try map.match(path: "/lax", method: .get).endpoint == "lax")
        #expect(try map.match(path: "/lax/", method: .get).endpoint == "lax")
    }

    @Test func pathRuleEndingInSlashRedirectsToo() throws {
        var map = URLMap()
        try map.add("/tree/<path:p>/", endpoint: "tree")
        #expect(throws: RoutingError.redirect(to: "/tree/a/b/")) { try map.match(path: "/tree/a/b", method: .get) }
        #expect(try map.match(path: "/tree/a/b/", method: .get).arguments["p"] == "a/b")
    }

    @Test func redirectOnlyHappensForAMethodTheRuleAnswers() throws {
        var map = URLMap()
        try map.add("/upload/", endpoint: "upload", methods: [.post])
        #expect(throws: RoutingError.redirect(to: "/upload/")) { try map.match(path: "/upload", method: .post) }
        #expect(throws: RoutingError.notFound) { try map.match(path: "/upload", method: .get) }
    }
}
