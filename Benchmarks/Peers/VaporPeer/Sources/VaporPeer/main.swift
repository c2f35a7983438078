// TechEmpower's /plaintext and /json on Vapor 4, one event loop thread.
// Usage: VaporPeer --host 127.0.0.1 --port 8080
//
// Vapor adds the `Date` header itself, and the `Server` header from
// `serverName`: the two headers TFB checks on every response.
import NIOPosix
import Vapor

struct Message: Content {
    let message: String
}

func option(_ name: String, default fallback: String) -> String {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}

let host = option("--host", default: "127.0.0.1")
guard let port = Int(option("--port", default: "8080")) else {
    fatalError("--port must be a number")
}

// Vapor's own command line would read our options as its commands, so it gets none:
// `serve`, the default command, then takes the configuration below.
let app = try await Application.make(
    Environment(name: "production", arguments: ["VaporPeer"]),
    .shared(MultiThreadedEventLoopGroup(numberOfThreads: 1))
)
app.http.server.configuration.hostname = host
app.http.server.configuration.port = port
app.http.server.configuration.serverName = "Vapor"
// The backlog AsyncWeb and the other servers of the benchmark listen with:
// at 1,024 connections the default 256 would drop connects and make wrk retry.
app.http.server.configuration.backlog = 1024
// The default middleware logs every request; TFB's Vapor entry removes it too.
app.middleware = .init()
app.logger.logLevel = .notice

app.get("plaintext") { _ -> Response in
    Response(
        status: .ok,
        headers: ["Content-Type": "text/plain"],
        body: .init(staticString: "Hello, World!")
    )
}
// The encoder runs on every request, as TFB's json test requires.
app.get("json") { _ in
    Message(message: "Hello, World!")
}

do {
    try await app.execute()
} catch {
    try? await app.asyncShutdown()
    throw error
}
try await app.asyncShutdown()
