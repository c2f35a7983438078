/// A certificate or key that cannot be used, said in one line that names the file.
///
/// `asyncweb`'s `run` prints it and exits with status 1, as Flask does for a bad `--cert`.
public struct TLSSetupError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
