import AsyncWeb
import AsyncWebTesting
import IOUring
import Testing

/// The server's `maxBodySize` and the app's `MAX_CONTENT_LENGTH` are one limit as a user
/// sees it: the app's, whenever it allows more than the server would.
@Suite("Body limits: maxBodySize and MAX_CONTENT_LENGTH")
struct BodyLimitTests {
    private func statuses(maxContentLength: Int?, maxBodySize: Int, bodies: [Int], io: IOBackend) async throws -> [Int] {
        let app = App("limits")
        if let maxContentLength { app.config["MAX_CONTENT_LENGTH"] = .int(maxContentLength) }
        app.post("/") { request in String(try await request.data().count) }
        var configuration = ServerConfiguration()
        configuration.maxBodySize = maxBodySize
        let server = try await LiveServer.start(app, configuration: configuration, io: io)
        var statuses: [Int] = []
        for size in bodies {
            statuses.append(try await TestClient(server).post("/", body: [UInt8](repeating: 0x61, count: size)).status.code)
        }
        try await server.stop()
        return statuses
    }

    @Test(arguments: IOBackend.allCases)
    func aLargerMaxContentLengthRaisesTheServersCap(io: IOBackend) async throws {
        #expect(try await statuses(maxContentLength: 4096, maxBodySize: 1024, bodies: [2000, 4096, 4097], io: io) == [200, 200, 413])
    }

    @Test(arguments: IOBackend.allCases)
    func aSmallerMaxContentLengthIsCheckedWhenTheAppReads(io: IOBackend) async throws {
        #expect(try await statuses(maxContentLength: 512, maxBodySize: 1024, bodies: [512, 800, 2000], io: io) == [200, 413, 413])
    }

    @Test(arguments: IOBackend.allCases)
    func withoutMaxContentLengthTheServersCapHolds(io: IOBackend) async throws {
        #expect(try await statuses(maxContentLength: nil, maxBodySize: 1024, bodies: [1024, 1025], io: io) == [200, 413])
    }

    @Test func serverConfigurationLeavesOtherSettingsAlone() {
        let app = App("limits")
        app.config["MAX_CONTENT_LENGTH"] = .int(64 << 20)
        var configuration = ServerConfiguration()
        configuration.maxHeaderCount = 7
        let adjusted = app.serverConfiguration(configuration)
        #expect(adjusted.maxBodySize == 64 << 20)
        #expect(adjusted.maxHeaderCount == 7)
    }
}
