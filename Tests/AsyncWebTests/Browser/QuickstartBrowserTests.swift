import AsyncWebTesting
import Foundation
import IOUring
import QuickstartApp
import Testing
import TestSupport

/// The Quickstart app in a real browser: `Tests/Browser/quickstart_browser.py` drives
/// headless Chromium through Selenium against a live server, over http and over https,
/// filling in forms as a user would, and saves a screenshot of a rendered template.
@Suite("Quickstart in a browser")
struct QuickstartBrowserTests {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Browser/
        .deletingLastPathComponent()  // AsyncWebTests/
        .deletingLastPathComponent()  // Tests/
        .appendingPathComponent("Browser/quickstart_browser.py")

    /// The script's exit status when selenium, chromium or chromedriver is absent.
    static let missingDependencies: Int32 = 3

    @Test(arguments: IOBackend.allCases)
    func formsLoginFlashUploadAndRenderingWorkInHeadlessChromium(io: IOBackend) async throws {
        let server = try await LiveServer.start(makeQuickstartApp(), io: io)
        try await Self.runBrowser(against: server, base: "http://127.0.0.1:\(server.port)", screenshotName: "quickstart-browser.png")
    }

    /// The same steps over HTTPS with `SESSION_COOKIE_SECURE` on: the login's session cookie
    /// is Secure and still logs the user in. Chromium trusts the test certificate's key
    /// alone (`--ignore-certificate-errors-spki-list`), so any other certificate error
    /// would still stop it.
    @Test(arguments: IOBackend.allCases)
    func theLoginWorksOverHTTPSWithASecureSessionCookie(io: IOBackend) async throws {
        let app = makeQuickstartApp()
        app.config["SESSION_COOKIE_SECURE"] = true
        let certificates = try TestCertificates.shared()
        let server = try await LiveServer.startHTTPS(app, io: io)
        try await Self.runBrowser(
            against: server, base: "https://127.0.0.1:\(server.port)", screenshotName: "quickstart-browser-https.png",
            arguments: ["--trust-spki", certificates.first.publicKeyHash])
    }

    /// Runs the script against `server` at `base`, stops the server, and records what failed.
    static func runBrowser(against server: LiveServer, base: String, screenshotName: String, arguments: [String] = []) async throws {
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("asyncweb-\(screenshotName)")
        try? FileManager.default.removeItem(at: screenshot)
        let finished: Subprocess.Finished
        do {
            finished = try await Self.onThreadOfItsOwn {
                try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", Self.script.path, base, screenshot.path] + arguments)
            }
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()

        let printed = String(decoding: finished.output, as: UTF8.self) + String(decoding: finished.errors, as: UTF8.self)
        if finished.status == Self.missingDependencies {
            Issue.record("The browser test cannot run (`make test` installs what it needs):\n\(printed)")
            return
        }
        #expect(finished.status == 0, "quickstart_browser.py exited with \(finished.status):\n\(printed)")
        if let image = FileManager.default.contents(atPath: screenshot.path) {
            print("Screenshot of /hello-tpl/Browser: \(screenshot.path)")
            Attachment.record(image, named: screenshotName)
        }
    }

    /// Runs `body` on a thread of its own: the browser takes seconds, and blocking one of
    /// the few cooperative threads that long would stall the tests running beside it.
    static func onThreadOfItsOwn<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
