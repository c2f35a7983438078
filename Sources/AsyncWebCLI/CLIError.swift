/// A failure the user can act on. ArgumentParser prints it as `Error: …` on standard
/// error and exits with status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
