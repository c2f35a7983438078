/// Debug mode asked for by the environment, as `flask run` reads `FLASK_DEBUG`: `1`, `true`,
/// `yes` or `on` (any case) in `FLASK_DEBUG` or `ASYNCWEB_DEBUG`. Read by `app.run()` and by
/// `asyncweb run`, which must agree on it.
package enum DebugEnvironment {
    package static let variables = ["FLASK_DEBUG", "ASYNCWEB_DEBUG"]

    package static func asksForDebug(_ environment: [String: String]) -> Bool {
        variables.contains { variable in
            environment[variable].map { ["1", "true", "yes", "on"].contains($0.lowercased()) } == true
        }
    }
}
