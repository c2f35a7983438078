import ArgumentParser

/// An app binary's command line, as `app.run()` reads it: the serving flags of
/// ``RunOptions``, or a subcommand (`routes`), each with its own `--help`.
struct AppCommand: ParsableCommand {
    /// What the command line asks the binary to do.
    enum Action {
        /// Serve the app with these flags.
        case serve(RunOptions)
        /// Print the app's routes instead of serving.
        case printRoutes(RoutesOptions)
    }

    static var configuration: CommandConfiguration {
        // Usage lines name the binary as it was invoked (`Quickstart routes …`).
        let executable = CommandLine.arguments.first.map { String($0.split(separator: "/").last ?? "app") } ?? "app"
        return CommandConfiguration(
            commandName: executable,
            abstract: "Serve the app (Flask's `flask run`), or run one of its subcommands.",
            // The generated usage would end in `<subcommand>`, as if serving needed one.
            usage: "\(executable) [<options>] [<subcommand>]",
            subcommands: [RoutesOptions.self])
    }

    @OptionGroup var runOptions: RunOptions

    /// The action `arguments` (by default the process's) ask for; on a usage error or
    /// `--help`, prints the message and exits as ArgumentParser does.
    static func parseActionOrExit(_ arguments: [String]? = nil) -> Action {
        do {
            switch try parseAsRoot(arguments) {
            case let routes as RoutesOptions: return .printRoutes(routes)
            case let command as AppCommand: return .serve(command.runOptions)
            case var builtIn:
                // ArgumentParser's own `help` subcommand, which prints and exits.
                try builtIn.run()
                exit()
            }
        } catch {
            exit(withError: error)
        }
    }
}
