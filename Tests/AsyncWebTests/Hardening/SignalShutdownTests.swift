import AsyncWebTesting
import Glibc
import Testing

@Suite("Hardening: SIGTERM with requests in flight")
struct SignalShutdownTests {
    @Test(arguments: ServerBackend.allCases)
    func sigtermLetsEveryRequestInFlightFinishThenExitsCleanly(backend: ServerBackend) async throws {
        let server = try ServerProcess.start(backend: backend)
        let port = server.port
        let requestCount = 20
        // One thread of its own sends every request, then reads every answer: tasks that
        // waited for a busy pool could still be queued when the signal goes out.
        let replies = Task {
            try await onThread { () -> [RawHTTPClient.Response?] in
                let clients = try (0..<requestCount).map { _ in
                    let client = try RawHTTPClient(port: port, timeout: 30)
                    try client.send("GET /slow?ms=3000 HTTP/1.1\r\nHost: probe\r\n\r\n")
                    return client
                }
                return try clients.map { try $0.readResponse() }
            }
        }
        // Signalled once every request is in its handler, none still in the listen backlog
        // (where closing the listening socket resets it, as with any server).
        let deadline = ContinuousClock.now + .seconds(30)
        func started() -> Int { server.output.components(separatedBy: "slow request started").count - 1 }
        while started() < requestCount, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(started() == requestCount, "only \(started()) of \(requestCount) requests reached the handler")
        server.signal(SIGTERM)
        for response in try await replies.value {
            #expect(response?.status == 200)
            #expect(response?.text == "slept")
            #expect(response?.header("Connection") == "close")
        }
        let status = server.waitForExit(timeout: .seconds(15))
        #expect(status == 0, "exit status \(String(describing: status)): \(server.output)")
    }
}
