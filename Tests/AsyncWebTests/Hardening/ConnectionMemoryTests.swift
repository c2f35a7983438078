import AsyncWebTesting
import IOUring
import Testing

@Suite("Hardening: memory and descriptors of closed and idle connections", .serialized)
struct ConnectionMemoryTests {
    @Test(arguments: IOBackend.allCases)
    func churnOfTwentyThousandConnectionsLeavesMemoryFlat(backend: IOBackend) async throws {
        let server = try ServerProcess.start(backend: backend)
        let port = server.port
        // Warm-up: the allocator and the reactor's tables reach their working size.
        _ = try await onThread { try ConnectionFlood.churn(port: port, count: 2_000) }
        try await Task.sleep(for: .milliseconds(300))
        let before = server.residentKiB
        let descriptorsBefore = server.descriptorLinks().count
        let answered = try await onThread { try ConnectionFlood.churn(port: port, count: 20_000) }
        try await Task.sleep(for: .milliseconds(300))
        let after = server.residentKiB
        print("churn (\(backend.rawValue)): RSS \(before) KiB before 20,000 connections, \(after) KiB after")
        #expect(answered == 20_000)
        // Every closed connection gave its socket back.
        #expect(server.descriptorLinks().count == descriptorsBefore)
        // Each closed connection used to stay in memory until its keep-alive deadline: 86 MiB
        // here. (Under a sanitizer the churn still runs, for its checks, but resident memory
        // is mostly the sanitizer's.)
        if !Sanitizer.isActive {
            #expect(after - before < 4 * 1024)
        }
    }

    /// Under a sanitizer the server's resident memory is mostly the sanitizer's own.
    @Test(.disabled(if: Sanitizer.isActive, "resident memory measures the sanitizer, not the server"),
          arguments: IOBackend.allCases)
    func idleKeepAliveConnectionsCostLessThanFourKiBEach(backend: IOBackend) async throws {
        ConnectionFlood.raiseDescriptorLimit()
        let server = try ServerProcess.start(backend: backend)
        let port = server.port
        _ = try await onThread { try ConnectionFlood.churn(port: port, count: 500) }
        try await Task.sleep(for: .milliseconds(300))
        let before = server.residentKiB
        let count = 4_000
        let clients = try await onThread { try ConnectionFlood.idle(port: port, count: count) }
        // Past ServerConfiguration.parkIdleConnectionAfter (100 ms), every connection is parked.
        try await Task.sleep(for: .milliseconds(500))
        let after = server.residentKiB
        let perConnection = Double(after - before) / Double(count)
        print("idle (\(backend.rawValue)): \(perConnection) KiB per idle keep-alive connection (\(count) connections)")
        #expect(perConnection < 4)
        // Parked connections wake up for their next request.
        let answers = try await onThread { try clients.prefix(100).map { client in
            try client.send(ConnectionFlood.hello)
            return try client.readResponse()?.status
        } }
        #expect(answers.allSatisfy { $0 == 200 })
    }
}
