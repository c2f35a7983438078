import AsyncWebTesting
import Glibc
import Testing

@Suite("Hardening: SIGTERM with requests in flight")
struct SignalShutdownTests {
    @Test(arguments: ServerBackend.allCases)
    func sigtermLetsEveryRequestInFlightFinishThenExitsCleanly(backend: ServerBackend) async throws {
        let server = try ServerProcess.start(backend: backend)
        let port = server.port
        let replies = (0..<20).map { _ in
            Task {
                try await onThread { () -> RawHTTPClient.Response? in
                    let client = try RawHTTPClient(port: port)
                    try client.send("GET /slow?ms=1000 HTTP/1.1\r\nHost: probe\r\n\r\n")
                    return try client.readResponse()
                }
            }
        }
        // Signalled once every request is in its handler, none still in the listen backlog
        // (where closing the listening socket resets it, as with any server).
        let deadline = ContinuousClock.now + .seconds(20)
        while server.output.components(separatedBy: "slow request started").count <= replies.count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        server.signal(SIGTERM)
        for reply in replies {
            let response = try await reply.value
            #expect(response?.status == 200)
            #expect(response?.text == "slept")
            #expect(response?.header("Connection") == "close")
        }
        let status = server.waitForExit(timeout: .seconds(15))
        #expect(status == 0, "exit status \(String(describing: status)): \(server.output)")
    }
}
