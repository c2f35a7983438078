import AsyncWebTesting
import Glibc
import IOUring
import Testing

@Suite("Hardening: slow clients")
struct SlowClientTests {
    /// The probe that crashed the server: unfinished heads on hundreds of connections, and one
    /// more byte to each just before or just after the head-read deadline. A byte that lands
    /// when the deadline passed less than a second ago used to make the deadline arithmetic
    /// trap and take the whole process down (in two rounds out of three; this makes three).
    @Test(arguments: IOBackend.allCases)
    func bytesArrivingAroundTheHeadDeadlineGet408AndServingGoesOn(backend: IOBackend) async throws {
        let server = try ServerProcess.start(backend: backend, environment: ["PROBE_HEADER_READ_TIMEOUT_MS": "400"])
        for _ in 0..<3 {
            try await attackAroundTheDeadline(server)
        }
    }

    private func attackAroundTheDeadline(_ server: ServerProcess) async throws {
        let port = server.port
        let statuses = try await onThread { () -> [Int?] in
            let clients = try (0..<300).map { _ in try RawHTTPClient(port: port, timeout: 5) }
            let start = ContinuousClock.now
            for client in clients { try client.send("GET / HTTP/1.1\r\nHost: probe\r\n") }
            // From 60 ms before the deadline to 60 ms after it, 0.4 ms apart.
            for (index, client) in clients.enumerated() {
                let sendAt = start + .milliseconds(340) + .microseconds(400 * index)
                let wait = sendAt - ContinuousClock.now
                if wait > .zero { usleep(UInt32(wait.components.attoseconds / 1_000_000_000_000)) }
                try? client.send("X")
            }
            // A connection the server closed with the byte unread may be reset before its
            // 408 is read: that reads as nil.
            return clients.map { try? $0.readResponse()?.status }
        }
        #expect(server.isRunning, "the server died: \(server.output)")
        #expect(statuses.allSatisfy { $0 == 408 || $0 == nil })
        #expect(statuses.filter { $0 == 408 }.count > 100)
        #expect(try await onThread { try ConnectionFlood.helloStatus(port: port) } == 200)
    }
}
