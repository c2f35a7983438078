import Foundation

/// Runs a short command to completion and collects its standard output: `swift package
/// describe`, `swift build --show-bin-path`. Its standard error is the user's terminal, where
/// SwiftPM's notes ("waiting for another instance") and errors belong.
enum Subprocess {
    struct Finished {
        let status: Int32
        let output: Data
        var text: String { String(decoding: output, as: UTF8.self) }
    }

    static func run(_ executable: String, _ arguments: [String], in folder: String) -> Finished {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            return Finished(status: 127, output: Data())
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Finished(status: process.terminationStatus, output: data)
    }
}
