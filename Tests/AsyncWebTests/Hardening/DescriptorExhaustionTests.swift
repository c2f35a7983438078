import AsyncWebTesting
import IOUring
import Testing

@Suite("Hardening: out of descriptors")
struct DescriptorExhaustionTests {
    @Test(arguments: IOBackend.allCases)
    func serverOutOfDescriptorsSurvivesAndServesOnceSomeAreFree(backend: IOBackend) async throws {
        let server = try ServerProcess.start(backend: backend, descriptorLimit: 64)
        let port = server.port
        // More connections than the server has descriptors: accepting fails with EMFILE and
        // the ones past the limit wait in the listen backlog.
        var held: [RawHTTPClient]? = try await onThread {
            try (0..<100).map { _ in
                let client = try RawHTTPClient(port: port, timeout: 2)
                try client.send(ConnectionFlood.hello)
                return client
            }
        }
        try await Task.sleep(for: .milliseconds(500))
        #expect(server.isRunning, "the server died: \(server.output)")
        #expect(server.output.contains("Accepting a connection failed"))
        #expect(held?.count == 100)
        held = nil
        let status = try await onThread { () -> Int? in
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline {
                if let status = try? ConnectionFlood.helloStatus(port: port) { return status }
            }
            return nil
        }
        #expect(status == 200)
        #expect(server.isRunning)
    }
}
