import AsyncWeb
import AsyncWebTesting
import Testing

@Suite("HTTP server: configuration out of range")
struct ConfigurationValidationTests {
    private static let invalid: [(setting: String, change: @Sendable (inout ServerConfiguration) -> Void)] = [
        ("maxRequestLineLength", { $0.maxRequestLineLength = 0 }),
        ("maxHeaderBytes", { $0.maxHeaderBytes = -1 }),
        ("maxHeaderCount", { $0.maxHeaderCount = -1 }),
        ("maxBodySize", { $0.maxBodySize = -5 }),
        ("maxConnectionsPerReactor", { $0.maxConnectionsPerReactor = 0 }),
        ("reactorCount", { $0.reactorCount = 0 }),
        ("headerReadTimeout", { $0.headerReadTimeout = .zero }),
        ("idleTimeout", { $0.idleTimeout = .seconds(-1) }),
        ("parkIdleConnectionAfter", { $0.parkIdleConnectionAfter = .milliseconds(-1) }),
    ]

    /// Each of these used to start, then trap on the first connection (the parser's limits)
    /// or behave oddly; now the server names the setting and does not start.
    @Test(arguments: invalid.indices)
    func aSettingOutOfRangeStopsTheServerFromStarting(index: Int) async throws {
        let (setting, change) = Self.invalid[index]
        var configuration = ServerConfiguration()
        change(&configuration)
        let error = await #expect(throws: InvalidServerConfiguration.self) {
            _ = try await LiveServer.start(echoResponder, configuration: configuration)
        }
        #expect(error?.setting == setting)
    }

    @Test func aPortOutOfRangeIsRefused() async throws {
        let server = HTTPServer(configuration: ServerConfiguration(port: 70_000), responder: echoResponder)
        let error = await #expect(throws: InvalidServerConfiguration.self) { try await server.run() }
        #expect(error?.description == "ServerConfiguration.port must be 0...65535, not 70000")
    }
}
