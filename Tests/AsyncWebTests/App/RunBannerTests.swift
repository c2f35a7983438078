import Foundation
import Testing

/// `app.run()`'s banner, logged through the app's logger and printed on the terminal as
/// Flask prints its own.
@Suite("Run banner")
struct RunBannerTests {
    @Test func theBannerIsLoggedAsFlaskPrintsIt() throws {
        let server = try ServerProcess.start(backend: .ioUring)
        let output = server.output
        #expect(output.hasPrefix(
            " * Serving AsyncWeb app 'ProbeServer'\n * Debug mode: off\n * Running on http://127.0.0.1:\(server.port) (Press CTRL+C to quit)\n"),
            "\(output)")
    }
}
