public import Foundation

/// Runs a program to completion and collects what it printed: the Python
/// oracles and the `asyncweb` executable are both checked this way.
public enum Subprocess {
    public struct Finished: Sendable {
        public let status: Int32
        public let output: Data
        public let errors: Data
    }

    public static func run(_ executable: URL, _ arguments: [String]) throws -> Finished {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Finished(status: process.terminationStatus, output: outputData, errors: errorData)
    }
}
