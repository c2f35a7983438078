// The server the hardening tests attack, in a process of its own: they measure its memory,
// starve it of descriptors and signal it, none of which a server inside the test process allows.
//
// Flags are app.run()'s (`--host`, `--port`, `--reactors`, `--io`); these environment variables
// change the server's limits so a test need not wait out the defaults, or outlive them:
//   PROBE_HEADER_READ_TIMEOUT_MS   ServerConfiguration.headerReadTimeout
//   PROBE_PARK_AFTER_MS            ServerConfiguration.parkIdleConnectionAfter
//   PROBE_IDLE_TIMEOUT_MS          ServerConfiguration.idleTimeout
// and these give it folders a test can change while it serves:
//   PROBE_TEMPLATE_FOLDER          the app's templates; /page renders page.html
//   PROBE_STATIC_FOLDER            the app's static files, at /static
import AsyncWeb
import Foundation

let environment = ProcessInfo.processInfo.environment
let app = App(
    "ProbeServer", staticFolder: environment["PROBE_STATIC_FOLDER"] ?? "static",
    templateFolder: environment["PROBE_TEMPLATE_FOLDER"] ?? "templates")
app.get("/") { "<p>Hello, World!</p>" }
app.get("/slow") { request in
    // Unbuffered, so a test can wait until its requests are all in a handler.
    FileHandle.standardError.write(Data("slow request started\n".utf8))
    try await Task.sleep(for: .milliseconds(request.args.value("ms", as: Int.self) ?? 500))
    return "slept"
}
app.get("/page") { try renderTemplate("page.html") }
app.post("/echo") { request in Response(body: ResponseBody(bytes: try await request.data())) }
app.get("/boom") { () throws -> String in throw ProbeFailure() }
app.get("/stream") { request in
    // `chunks` chunks of `size` bytes, each made only when the connection asks for it.
    let count = request.args.value("chunks", as: Int.self) ?? 16
    let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: request.args.value("size", as: Int.self) ?? 64 * 1024)
    return Response(body: ResponseBody { writer in
        for _ in 0..<count { try await writer.write(chunk) }
    })
}

/// What `/boom` throws: an error the app does not handle, answered with 500.
struct ProbeFailure: Error {}

var configuration = ServerConfiguration()
if let milliseconds = environment["PROBE_HEADER_READ_TIMEOUT_MS"].flatMap(Int.init) {
    configuration.headerReadTimeout = .milliseconds(milliseconds)
}
if let milliseconds = environment["PROBE_PARK_AFTER_MS"].flatMap(Int.init) {
    configuration.parkIdleConnectionAfter = .milliseconds(milliseconds)
}
if let milliseconds = environment["PROBE_IDLE_TIMEOUT_MS"].flatMap(Int.init) {
    configuration.idleTimeout = .milliseconds(milliseconds)
}
try await app.run(configuration: configuration)
