import ArgumentParser

/// The flags of an app binary's `routes` subcommand (`Quickstart routes --sort rule`), which
/// prints the app's URL rules as `flask routes` does and exits without serving.
struct RoutesOptions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Show the routes for the app.",
        discussion: "Show all registered routes with endpoints and methods.")

    @Option(
        name: [.short, .long],
        help: "How to sort the routes. 'match' is the order they were registered in, which `flask routes` calls the order Flask will match routes when dispatching a request.")
    var sort: RouteTable.Order = .endpoint

    @Flag(help: "Show HEAD and OPTIONS methods.")
    var allMethods = false
}

extension RouteTable.Order: ExpressibleByArgument {}

extension App {
    /// The table of the app's rules that `options` ask for.
    func routeTable(_ options: RoutesOptions) -> RouteTable {
        RouteTable(rules: setup.withLock { $0.routes.map.rules }, order: options.sort, allMethods: options.allMethods)
    }

    /// Prints ``routeTable(_:)`` on standard output.
    func printRoutes(_ options: RoutesOptions) {
        print(routeTable(options).text, terminator: "")
    }
}
