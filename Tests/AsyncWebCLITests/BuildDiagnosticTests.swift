import Testing

@testable import AsyncWebCLI

/// Reading the compiler's diagnostics out of `swift build`'s output, for the error page.
@Suite struct BuildDiagnosticTests {
    static let output = """
        Building for debugging...
        /tmp/hello/Sources/hello/main.swift:7:27: error: cannot convert value of type 'String' to specified type 'Int'
         5 |     let app = App("hello")
         7 |     let broken: Int = "text"
           |                       `- error: cannot convert value of type 'String' to specified type 'Int'
        /tmp/hello/Sources/hello/main.swift:7:27: error: cannot convert value of type 'String' to specified type 'Int'
        /tmp/hello/Sources/hello/Other.swift:2:5: warning: initialization of immutable value 'x' was never used
        /tmp/hello/Sources/hello/Other.swift:1:1: note: declared here
        error: emit-module command failed with exit code 1 (use -v to see invocation)
        """

    @Test func locatedLinesBecomeDiagnosticsEachOnce() {
        let diagnostics = BuildDiagnostic.parse(Self.output)
        #expect(diagnostics.map(\.severity) == [.error, .warning, .note])
        let first = diagnostics[0]
        #expect(first.file == "/tmp/hello/Sources/hello/main.swift")
        #expect(first.line == 7)
        #expect(first.column == 27)
        #expect(first.message == "cannot convert value of type 'String' to specified type 'Int'")
    }

    @Test func snippetsAndUnlocatedErrorsAreNotDiagnostics() {
        #expect(BuildDiagnostic(line: "  |                       `- error: cannot convert") == nil)
        #expect(BuildDiagnostic(line: "error: emit-module command failed with exit code 1") == nil)
        #expect(BuildDiagnostic(line: "[3/5] Compiling hello main.swift") == nil)
    }
}
