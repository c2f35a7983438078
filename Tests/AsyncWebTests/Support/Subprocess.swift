import Foundation

/// Runs a program to completion and collects what it printed: the Python
/// oracles and the `asyncweb` executable are both checked this way.
enum Subprocess {
    struct Finished {
        let status: Int32
        let output: Data
        let errors: Data
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> Finished {
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
