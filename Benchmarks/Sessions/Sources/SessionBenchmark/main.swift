// Serves two session requests through AsyncWeb's request path without sockets, as
// flask_benchmark.py does through Flask's: /read opens the session cookie, /write also
// signs a new one. Prints what each answered to stdout and the median microseconds per
// request of each to stderr (read, then write), the protocol run.sh compares.
import AsyncWeb
import Foundation

let arguments = CommandLine.arguments
let cookie = arguments[1]
let seconds = Double(arguments[2]) ?? 3

let app = App("sessions", staticFolder: nil, templateFolder: nil)
app.secretKey = "benchmark-secret"
// The cookie was signed once, long ago: a long lifetime keeps it valid.
app.config["PERMANENT_SESSION_LIFETIME"] = .int(100 * 365 * 24 * 3600)
app.get("/read") { session["username"]?.string ?? "anonymous" }
app.get("/write") {
    session["visits"] = .int((session["visits"]?.int ?? 0) + 1)
    return "counted"
}

/// The median time of one request, over batches of 100 for `seconds`.
func measure(_ request: Request) async throws -> Double {
    let clock = ContinuousClock()
    var samples: [Double] = []
    let deadline = clock.now + .milliseconds(Int(seconds * 1000))
    while clock.now < deadline {
        let start = clock.now
        for _ in 0..<100 {
            _ = try await app.respond(to: request)
        }
        let elapsed = clock.now - start
        samples.append((Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / 100)
    }
    samples.sort()
    return samples[samples.count / 2]
}

/// The body, and the session cookie's payload (its timestamp and signature change each second).
func answer(_ response: Response) async throws -> String {
    let body = String(decoding: try await response.body.collect(), as: UTF8.self)
    let payload = response.headers["Set-Cookie"].map { String($0.prefix { $0 != "." }) } ?? "-"
    return body + " " + payload
}

// Off the main actor, as a reactor's tasks are: no hop per request.
try await Task.detached {
    let read = try Request(target: "/read", headers: ["Cookie": "session=" + cookie])
    let write = try Request(target: "/write", headers: ["Cookie": "session=" + cookie])
    print(try await answer(app.respond(to: read)))
    print(try await answer(app.respond(to: write)))
    let timings = [try await measure(read), try await measure(write)]
    FileHandle.standardError.write(Data(timings.map { String(format: "%.2f", $0) }.joined(separator: " ").utf8 + [10]))
}.value
