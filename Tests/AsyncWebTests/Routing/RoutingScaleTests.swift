import Testing

import AsyncWeb

@Suite("Routing at scale") struct RoutingScaleTests {
    /// 1,000 rules of four shapes, sharing prefixes the way a real
    /// application's do.
    private func thousandRuleMap() throws -> URLMap {
        var map = URLMap()
        for index in 0..<250 {
            try map.add("/section\(index)", endpoint: "section\(index)")
            try map.add("/section\(index)/item/<int:id>", endpoint: "item\(index)")
            try map.add("/section\(index)/item/<int:id>/<path:rest>", endpoint: "rest\(index)", methods: [.post])
            try map.add("/api/v\(index)/<name>/", endpoint: "api\(index)")
        }
        return map
    }

    @Test func everyOneOfAThousandRulesStillMatches() throws {
        let map = try thousandRuleMap()
        #expect(map.rules.count == 1000)
        for index in 0..<250 {
            #expect(try map.match(path: "/section\(index)", method: .get).endpoint == "section\(index)")
            let item = try map.match(path: "/section\(index)/item/\(index * 7)", method: .get)
            #expect(item.endpoint == "item\(index)")
            #expect(item.arguments.int("id") == index * 7)
            let rest = try map.match(path: "/section\(index)/item/1/a/b", method: .post)
            #expect(rest.endpoint == "rest\(index)")
            #expect(rest.arguments["rest"] == "a/b")
            #expect(try map.match(path: "/api/v\(index)/users/", method: .get).arguments["name"] == "users")
        }
    }

    @Test func errorsStayRightAmongAThousandRules() throws {
        let map = try thousandRuleMap()
        #expect(throws: RoutingError.notFound) { try map.match(path: "/section250", method: .get) }
        #expect(throws: RoutingError.redirect(to: "/api/v99/users/")) {
            try map.match(path: "/api/v99/users", method: .get)
        }
        #expect(throws: RoutingError.methodNotAllowed(allowed: [.options, .post])) {
            try map.match(path: "/section3/item/1/a", method: .get)
        }
    }

    @Test func buildingStaysRightAmongAThousandRules() throws {
        let map = try thousandRuleMap()
        #expect(try map.build(endpoint: "item249", arguments: ["id": "5"]) == "/section249/item/5")
        #expect(try map.build(endpoint: "api0", arguments: ["name": "x"]) == "/api/v0/x/")
    }
}
