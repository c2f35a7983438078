import AsyncWeb
import AsyncWebTesting
import IOUring
import Testing

/// How a test reaches an app: in process through `TestClient`, or over a live server on each
/// I/O backend in turn, so what holds in process is shown to hold over both.
enum Transport: CaseIterable, Sendable, CustomTestStringConvertible {
    case inProcess
    case liveServer(IOBackend)

    static var allCases: [Transport] { [.inProcess] + IOBackend.allCases.map { .liveServer($0) } }

    var testDescription: String {
        switch self {
        case .inProcess: "in process"
        case .liveServer(let backend): "live server on \(backend)"
        }
    }

    /// A live server for `app` on this transport's backend; nil in process.
    func start(_ app: App) async throws -> LiveServer? {
        guard case .liveServer(let backend) = self else { return nil }
        return try await LiveServer.start(app, io: backend)
    }

    /// Runs `body` with a client for `app` over this transport, stopping the server after.
    func withClient<Value>(_ app: App, _ body: (TestClient) async throws -> Value) async throws -> Value {
        guard let server = try await start(app) else { return try await body(TestClient(app)) }
        do {
            let value = try await body(TestClient(server))
            try await server.stop()
            return value
        } catch {
            try await server.stop()
            throw error
        }
    }
}
