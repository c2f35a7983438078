public import Foundation

/// Runs a Python script (Flask, Werkzeug, MarkupSafe are installed) and returns its stdout,
/// so tests can compare against the real thing in the same run.
public enum PythonOracle {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    public static func run(_ script: String, arguments: [String] = []) throws -> Data {
        let finished = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments)
        guard finished.status == 0 else {
            throw Failure(description: "python3 failed (\(finished.status)): \(String(decoding: finished.errors, as: UTF8.self))")
        }
        return finished.output
    }
}
