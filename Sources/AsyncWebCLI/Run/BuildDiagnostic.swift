/// One diagnostic of the compiler's, read from `swift build`'s output
/// (`/path/Sources/hello/main.swift:5:10: error: cannot find 'x' in scope`).
struct BuildDiagnostic: Equatable {
    enum Severity: String {
        case error, warning, note
    }

    let file: String
    let line: Int
    let column: Int
    let severity: Severity
    let message: String

    /// Every located diagnostic of `output`, each once (the driver may repeat one), in order.
    static func parse(_ output: String) -> [BuildDiagnostic] {
        var found: [BuildDiagnostic] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let diagnostic = BuildDiagnostic(line: line), !found.contains(diagnostic) else { continue }
            found.append(diagnostic)
        }
        return found
    }

    /// `path:line:column: severity: message`, or nil for any other line.
    init?(line: Substring) {
        guard let match = line.wholeMatch(of: /(?<file>[^:\s][^:]*):(?<line>\d+):(?<column>\d+): (?<severity>error|warning|note): (?<message>.+)/),
            let lineNumber = Int(match.output.line), let column = Int(match.output.column),
            let severity = Severity(rawValue: String(match.output.severity))
        else { return nil }
        file = String(match.output.file)
        self.line = lineNumber
        self.column = column
        self.severity = severity
        message = String(match.output.message)
    }
}
