import ArgumentParser

/// The `asyncweb` tool: `asyncweb render` prints a rendered template.
@main
struct AsyncWebCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asyncweb",
        abstract: "Tools for AsyncWeb apps.",
        subcommands: [RenderCommand.self]
    )
}
