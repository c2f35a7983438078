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
    app.get("/user/<username>", name: "user") { request in "User \(escape(request.pathParameters["username"] ?? ""))" }
    app.get("/me", name: "me") { ["username": "alice", "theme": "dark"] }
    app.afterRequest { $0 }

    // Sessions: a cookie Flask signed for {"username": "alice", "visits": 1} in November 2023,
    // read (verify, decode, untag) or read and written back (also tag, encode, sign).
    app.secretKey = "benchmark-secret"
    app.config["PERMANENT_SESSION_LIFETIME"] = .int(100 * 365 * 24 * 3600)
    app.get("/session/read") { session["username"]?.string ?? "anonymous" }
    app.get("/session/write") {
        session["visits"] = .int((session["visits"]?.int ?? 0) + 1)
        return "counted"
    }
    let cookie = "session=eyJ1c2VybmFtZSI6ImFsaWNlIiwidmlzaXRzIjoxfQ.ZVPxAA.NwE5__Lw5SG-mCbPFXcTsDQ5Uvo"

    let targets: [(String, String, HTTPHeaders)] = [
        ("static route, string", "/", [:]), ("converter route, escape", "/user/alice", [:]), ("JSON dictionary", "/me", [:]),
        ("session read", "/session/read", ["Cookie": cookie]), ("session write", "/session/write", ["Cookie": cookie]),
    ]
    for (name, target, headers) in targets {
        let request = try! Request(target: target, headers: headers)
        Benchmark("app.respond: \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(await app.respond(to: request))
            }
        }
    }
}
