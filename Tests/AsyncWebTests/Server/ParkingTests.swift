import AsyncWeb
import AsyncWebTesting
import Glibc
import IOUring
import Testing

@Suite("HTTP server: parked idle connections")
struct ParkingTests {
    private func server(parkAfter: Duration, idleTimeout: Duration, io: IOBackend) async throws -> LiveServer {
        var configuration = ServerConfiguration()
        configuration.parkIdleConnectionAfter = parkAfter
        configuration.idleTimeout = idleTimeout
        return try await LiveServer.start(echoResponder, configuration: configuration, io: io)
    }

    @Test(arguments: IOBackend.allCases)
    func aParkedConnectionServesItsNextRequests(io: IOBackend) async throws {
        let server = try await server(parkAfter: .milliseconds(10), idleTimeout: .seconds(30), io: io)
        let port = server.port
        let statuses = try await onThread { () -> [Int?] in
            let client = try RawHTTPClient(port: port)
            return try (0..<5).map { _ in
                try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
                let status = try client.readResponse()?.status
                usleep(50_000)  // parks in between
                return status
            }
        }
        #expect(statuses == [200, 200, 200, 200, 200])
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func aRequestHalfSentBeforeParkingIsFinishedAfter(io: IOBackend) async throws {
        let server = try await server(parkAfter: .milliseconds(10), idleTimeout: .seconds(30), io: io)
        let port = server.port
        let status = try await onThread { () -> Int? in
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
            _ = try client.readResponse()
            usleep(50_000)
            try client.send("GET / HTTP/1.1\r\n")
            usleep(50_000)
            try client.send("Host: test\r\n\r\n")
            return try client.readResponse()?.status
        }
        #expect(status == 200)
        try await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func theIdleTimeoutStillClosesAParkedConnection(io: IOBackend) async throws {
        let server = try await server(parkAfter: .milliseconds(10), idleTimeout: .milliseconds(300), io: io)
        let port = server.port
        let (status, rest, waited) = try await onThread { () -> (Int?, [UInt8], Duration) in
            let client = try RawHTTPClient(port: port)
            // Timed from before the request: the server's idle time starts later still, so
            // however slow the machine, the close cannot come sooner than the idle timeout.
            let start = ContinuousClock.now
            try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
            let status = try client.readResponse()?.status
            let rest = try client.readUntilClosed()
            return (status, rest, ContinuousClock.now - start)
        }
        #expect(status == 200)
        #expect(rest.isEmpty)
        // Not closed when it parked (10 ms), but when the idle timeout ran out.
        #expect(waited >= .milliseconds(300))
        try await server.stop()
    }
}
