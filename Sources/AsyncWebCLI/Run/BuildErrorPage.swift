import AsyncWebEncoding
import Foundation

/// The page `asyncweb run` serves while the last build failed: the compiler's diagnostics
/// (file, line, column, severity, message, and the source lines around each), then the
/// build's whole output. Everything shown is HTML-escaped.
struct BuildErrorPage {
    let product: String
    let output: String
    /// Makes the diagnostics' paths relative to the package.
    let package: SwiftPackage

    /// The diagnostics worth a section: errors and warnings (notes stay in the raw output).
    var diagnostics: [BuildDiagnostic] {
        BuildDiagnostic.parse(output).filter { $0.severity != .note }
    }

    var html: String {
        let diagnostics = diagnostics
        let errors = diagnostics.filter { $0.severity == .error }.count
        let summary = errors == 0 ? "The build failed" : "The build failed with \(errors) error\(errors == 1 ? "" : "s")"
        let sections = diagnostics.map(section).joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>BuildError: \(escape(summary)) | AsyncWeb</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 0; background: #f4f4f4; color: #1a1a1a; }
            header { background: #8b1d1d; color: white; padding: 1em 1.5em; }
            header h1 { margin: 0; font-size: 1.4em; }
            header p { margin: .4em 0 0; opacity: .9; }
            main { padding: 1em 1.5em; }
            section { background: white; border: 1px solid #ddd; border-left: 4px solid #8b1d1d; margin: 0 0 1em; padding: .6em 1em; }
            section.warning { border-left-color: #b8860b; }
            .where { font-family: ui-monospace, monospace; color: #555; }
            .message { font-weight: 600; margin: .3em 0; }
            pre { background: #fafafa; border: 1px solid #eee; padding: .5em; overflow-x: auto; margin: .4em 0; }
            pre .current { background: #ffe2e2; display: block; }
            footer { color: #666; font-size: .9em; }
            </style>
            </head>
            <body>
            <header>
            <h1>BuildError: \(escape(summary))</h1>
            <p>asyncweb run could not build '\(escape(product))'. Fix the code and save: the app is rebuilt and served again.</p>
            </header>
            <main>
            \(sections)
            <h2>The build's output</h2>
            <pre class="output">\(escape(output))</pre>
            <footer>This page is served by asyncweb run in place of the app until the next good build.</footer>
            </main>
            </body>
            </html>

            """
    }

    private func section(_ diagnostic: BuildDiagnostic) -> String {
        let file = package.relative(diagnostic.file)
        return """
            <section class="\(diagnostic.severity.rawValue)">
            <div class="where">\(escape(file)):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity.rawValue)</div>
            <div class="message">\(escape(diagnostic.message))</div>
            \(sourceExcerpt(diagnostic))
            </section>
            """
    }

    /// Two lines either side of the diagnostic's, its own marked, when the file can be read.
    private func sourceExcerpt(_ diagnostic: BuildDiagnostic) -> String {
        let path = diagnostic.file.hasPrefix("/") ? diagnostic.file : package.root + "/" + diagnostic.file
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard diagnostic.line >= 1, diagnostic.line <= lines.count else { return "" }
        let shown = max(1, diagnostic.line - 2)...min(lines.count, diagnostic.line + 2)
        let rendered = shown.map { number in
            let text = "\(String(number).leftPadded(to: 4)) | \(escape(String(lines[number - 1])))"
            return number == diagnostic.line ? "<span class=\"current\">\(text)</span>" : text + "\n"
        }
        return "<pre>" + rendered.joined() + "</pre>"
    }

    private func escape(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
