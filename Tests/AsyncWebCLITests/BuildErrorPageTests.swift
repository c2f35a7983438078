import Testing

@testable import AsyncWebCLI

/// The page served in place of an app whose build failed.
@Suite struct BuildErrorPageTests {
    let package = SwiftPackage(root: "/tmp/hello", scratchPath: nil)

    @Test func showsEachErrorWithItsPlaceRelativeToThePackage() {
        let output = "/tmp/hello/Sources/hello/main.swift:3:9: error: cannot find 'x' in scope\n"
        let html = BuildErrorPage(product: "hello", output: output, package: package).html
        #expect(html.contains("BuildError: The build failed with 1 error"))
        #expect(html.contains("Sources/hello/main.swift:3:9: error"))
        #expect(html.contains("cannot find &#39;x&#39; in scope"))
    }

    @Test func escapesWhatTheCompilerQuotes() {
        let output = "/tmp/hello/Sources/hello/main.swift:1:1: error: unexpected '<script>alert(1)</script>'\n"
        let html = BuildErrorPage(product: "hello", output: output, package: package).html
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func aFailureWithoutLocatedErrorsStillShowsTheOutput() {
        let output = "error: Dependencies could not be resolved\n"
        let html = BuildErrorPage(product: "hello", output: output, package: package).html
        #expect(html.contains("BuildError: The build failed</title>") || html.contains("BuildError: The build failed |"))
        #expect(html.contains("error: Dependencies could not be resolved"))
    }
}
