import Foundation
import IOUring
import Testing

/// `app.run()`'s banner, logged through the app's logger and printed on the terminal as
/// Flask prints its own.
@Suite("Run banner")
struct RunBannerTests {
    /// With the I/O backend asked for (`--io`) named in a line of its own, before the address.
    @Test(arguments: IOBackend.allCases)
    func theBannerIsLoggedAsFlaskPrintsIt(backend: IOBackend) throws {
        let server = try ServerProcess.start(backend: backend)
        let output = server.output
        #expect(output.hasPrefix(
            " * Serving AsyncWeb app 'ProbeServer'\n * Debug mode: off\n * I/O: \(backend)\n * Running on http://127.0.0.1:\(server.port) (Press CTRL+C to quit)\n"),
            "\(output)")
    }
}
