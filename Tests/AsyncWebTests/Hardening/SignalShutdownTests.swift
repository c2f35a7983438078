import AsyncWebTesting
import Foundation
import Glibc
import IOUring
import Testing

@Suite("Hardening: SIGTERM with requests in flight")
struct SignalShutdownTests {
    @Test(arguments: IOBackend.allCases)
    func sigtermLetsEveryRequestInFlightFinishThenExitsCleanly(backend: IOBackend) async throws {
        let server = try ServerProcess.start(backend: backend)
        let port = server.port
        let requestCount = 20
        // All on a thread of its own, started here and now: a task waiting for a busy pool
        // could signal only after the handlers were done, and prove nothing.
        let (replies, repliesContinuation) = AsyncStream.makeStream(of: Result<[RawHTTPClient.Response?], any Error>.self)
        Thread {
            repliesContinuation.yield(Result {
                let clients = try (0..<requestCount).map { _ in
                    let client = try RawHTTPClient(port: port, timeout: 60)
                    try client.send("GET /slow?ms=3000 HTTP/1.1\r\nHost: probe\r\n\r\n")
                    return client
                }
                // Signalled once every request is in its handler, none still in the listen
                // backlog (where closing the listening socket resets it, as with any server).
                let deadline = ContinuousClock.now + .seconds(30)
                while server.output.components(separatedBy: "slow request started").count <= requestCount {
                    guard ContinuousClock.now < deadline else {
                        throw ServerProcess.Failure(description: "the requests did not all reach the handler: \(server.output)")
                    }
                    usleep(5_000)
                }
                server.signal(SIGTERM)
                return try clients.map { try $0.readResponse() }
            })
            repliesContinuation.finish()
        }.start()
        var results = replies.makeAsyncIterator()
        for response in try await results.next()!.get() {
            #expect(response?.status == 200)
            #expect(response?.text == "slept")
            #expect(response?.header("Connection") == "close")
        }
        let status = server.waitForExit(timeout: .seconds(15))
        #expect(status == 0, "exit status \(String(describing: status)): \(server.output)")
    }
}
