import AsyncWeb
import Benchmark

/// Each request is timed against a map holding only the rule it matches and
/// against a map of 1,000 rules that includes that same rule: with a trie,
/// the two should cost about the same.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 1_000,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    let thousand = thousandRuleMap()
    for request in requests {
        let one = singleRuleMap(request.pattern, endpoint: request.endpoint, methods: [request.method])
        for (label, map) in [("1 rule", one), ("1000 rules", thousand)] {
            Benchmark("match \(request.name), \(label)") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try map.match(path: request.path, method: request.method))
                }
            }
        }
    }

    Benchmark("no match (404), 1000 rules") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? thousand.match(path: "/section249/missing", method: .get))
        }
    }

    let oneItem = singleRuleMap("/section249/item/<int:id>", endpoint: "item249", methods: [.get])
    for (label, map) in [("1 rule", oneItem), ("1000 rules", thousand)] {
        Benchmark("build with query, \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try map.build(endpoint: "item249", arguments: ["id": "42", "q": "swift web"]))
            }
        }
    }
}

/// The requests timed, each with the one rule of the 1,000 that matches it.
private let requests: [(name: String, pattern: String, endpoint: String, path: String, method: HTTPMethod)] = [
    ("static", "/section249", "section249", "/section249", .get),
    ("int converter", "/section249/item/<int:id>", "item249", "/section249/item/42", .get),
    ("path converter", "/section249/item/<int:id>/<path:rest>", "rest249", "/section249/item/42/docs/intro.html", .post),
]

private func singleRuleMap(_ pattern: String, endpoint: String, methods: Set<HTTPMethod>) -> URLMap {
    var map = URLMap()
    try! map.add(pattern, endpoint: endpoint, methods: methods)
    return map
}

/// 1,000 rules of four shapes sharing prefixes, as in the scale test.
private func thousandRuleMap() -> URLMap {
    var map = URLMap()
    for index in 0..<250 {
        try! map.add("/section\(index)", endpoint: "section\(index)")
        try! map.add("/section\(index)/item/<int:id>", endpoint: "item\(index)")
        try! map.add("/section\(index)/item/<int:id>/<path:rest>", endpoint: "rest\(index)", methods: [.post])
        try! map.add("/api/v\(index)/<name>/", endpoint: "api\(index)")
    }
    return map
}
