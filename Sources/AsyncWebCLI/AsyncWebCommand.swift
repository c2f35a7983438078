import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `asyncweb` tool, Flask's command line for AsyncWeb apps: `new`, `run`, `routes`,
/// and `render` for templates.
@main
struct AsyncWebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asyncweb",
        abstract: "Tools for AsyncWeb apps.",
        subcommands: [NewCommand.self, RunCommand.self, RoutesCommand.self, RenderCommand.self]
    )

    static func main() async {
        // Started again by `asyncweb run` to stand in for an app that does not build.
        if let page = ProcessInfo.processInfo.environment[BuildErrorPageServer.pageVariable] {
            do {
                try await BuildErrorPageServer.serve(pageAt: page)
            } catch {
                Console.error("asyncweb: cannot serve the build's error page: \(error)")
                Glibc.exit(1)
            }
            return
        }
        await main(nil)
    }
}
