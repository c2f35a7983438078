import ArgumentParser
import AsyncWebTemplates
import Foundation

/// `asyncweb render --templates DIR NAME [--context FILE.json]`: renders a
/// template as an app would (autoescaping by file name) and prints it, so
/// templates can be checked without a server.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a template to standard output.",
        discussion: "Errors go to standard error with the template's name and line, and the exit status is 1."
    )

    @Option(name: .long, help: "The folder templates are loaded from.")
    var templates = "templates"

    @Argument(help: "The template to render, relative to the templates folder.")
    var name: String

    @Option(name: .long, help: "A JSON file whose top-level object is the template's context.")
    var context: String?

    @Flag(name: .long, help: "Fail on any use of an undefined value (Jinja's StrictUndefined).")
    var strict = false

    func run() throws {
        do {
            var configuration = TemplateEnvironment.Configuration()
            configuration.strictUndefined = strict
            let environment = TemplateEnvironment(loader: DirectoryTemplateLoader(templates), configuration: configuration)
            let variables = try context.map { path in try TemplateContext(json: try String(contentsOfFile: path, encoding: .utf8)) }
            let output = try environment.render(name, variables ?? [:])
            FileHandle.standardOutput.write(Data(output.utf8))
        } catch let error as TemplateError {
            FileHandle.standardError.write(Data("asyncweb render: \(error)\n".utf8))
            throw ExitCode.failure
        } catch {
            FileHandle.standardError.write(Data("asyncweb render: \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
    }
}
