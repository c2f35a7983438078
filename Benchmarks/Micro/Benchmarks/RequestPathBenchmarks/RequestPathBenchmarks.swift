import AsyncWeb
import Benchmark

/// The framework's share of a request, without sockets: a parsed request goes through the
/// app (context binding, routing, hooks, the handler, response conversion). What the
/// load benchmark's CPU µs/request adds on top of this is the server and the kernel.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 1_000,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    let app = App("bench", staticFolder: nil)
    app.get("/", name: "hello") { "<p>Hello, World!</p>" }
    app.get("/user/<username>", name: "user") { request in "User \(escape(request.arguments["username"] ?? ""))" }
    app.get("/me", name: "me") { ["username": "alice", "theme": "dark"] }
    app.afterRequest { $0 }

    for (name, target) in [("static route, string", "/"), ("converter route, escape", "/user/alice"), ("JSON dictionary", "/me")] {
        let request = try! Request(target: target)
        Benchmark("app.respond: \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try await app.respond(to: request))
            }
        }
    }
}
