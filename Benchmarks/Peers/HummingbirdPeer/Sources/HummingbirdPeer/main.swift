// TechEmpower's /plaintext and /json on Hummingbird 2, one event loop thread.
// Usage: HummingbirdPeer --host 127.0.0.1 --port 8080
//
// Hummingbird adds the `Date` header itself, and the `Server` header from
// `serverName`: the two headers TFB checks on every response.
import Hummingbird
import NIOCore
import NIOPosix

struct Message: ResponseEncodable {
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

let plaintextBody = ByteBuffer(string: "Hello, World!")
let router = Router()
router.get("/plaintext") { _, _ in
    Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: plaintextBody))
}
// The encoder runs on every request, as TFB's json test requires.
router.get("/json") { _, _ in
    Message(message: "Hello, World!")
}

let app = Application(
    router: router,
    // The backlog AsyncWeb and the other servers of the benchmark listen with:
    // at 1,024 connections the default 256 would drop connects and make wrk retry.
    configuration: .init(address: .hostname(host, port: port), serverName: "Hummingbird", backlog: 1024),
    eventLoopGroupProvider: .shared(MultiThreadedEventLoopGroup(numberOfThreads: 1))
)
try await app.runService()
