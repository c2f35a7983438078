import Foundation
import Glibc

/// A command-line program (`openssl`, `curl`, `python3`) run as a client of the server under
/// test, with a bound on its time: a client that hangs is killed and the test fails, rather
/// than the run waiting forever.
///
/// Its input is given whole up front and its output goes to files, so no pipe can fill up
/// and stall it. The calls block: use them from `onThread` in async tests.
final class ExternalTool: @unchecked Sendable {
    /// How a program ended, and what it printed.
    struct Finished: Sendable, CustomStringConvertible {
        let status: Int32
        let outputBytes: Data
        let errors: String
        /// The program was still running at its deadline and was killed.
        let timedOut: Bool

        var output: String { String(decoding: outputBytes, as: UTF8.self) }
        /// Standard output and error together, for matching what a tool reports on either.
        var printed: String { output + errors }

        var description: String {
            "exit \(status)\(timedOut ? " (killed at its deadline)" : ""), stdout \(output.prefix(4000).debugDescription), stderr \(errors.prefix(4000).debugDescription)"
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let process = Process()
    private let folder: URL
    private let ended = DispatchSemaphore(value: 0)
    private let deadline: ContinuousClock.Instant
    private var finished: Finished?

    /// Starts `arguments` (looked up in `PATH`) with `input` on its standard input.
    private init(_ arguments: [String], input: [UInt8], timeout: Duration, environment: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("asyncweb-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let inputFile = folder.appendingPathComponent("stdin")
        try Data(input).write(to: inputFile)
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("stdout").path, contents: nil)
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("stderr").path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { $1 }
        process.environment = variables
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr"))
        process.terminationHandler = { [ended] _ in ended.signal() }
        deadline = .now + timeout
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Starts a program that the test talks to while it runs; ``wait()`` collects it.
    static func start(
        _ arguments: [String], input: [UInt8] = [], timeout: Duration = .seconds(60), environment: [String: String] = [:]
    ) throws -> ExternalTool {
        try ExternalTool(arguments, input: input, timeout: timeout, environment: environment)
    }

    /// Runs a program to its end, or kills it at `timeout`.
    static func run(
        _ arguments: [String], input: [UInt8] = [], timeout: Duration = .seconds(60), environment: [String: String] = [:]
    ) throws -> Finished {
        try start(arguments, input: input, timeout: timeout, environment: environment).wait()
    }

    /// Runs a program that must succeed; its standard output.
    @discardableResult
    static func output(_ arguments: [String], input: [UInt8] = [], timeout: Duration = .seconds(60)) throws -> String {
        let finished = try run(arguments, input: input, timeout: timeout)
        guard finished.status == 0, !finished.timedOut else {
            throw Failure(description: "\(arguments.joined(separator: " ")) failed: \(finished)")
        }
        return finished.output
    }

    var isRunning: Bool { process.isRunning }

    /// What the program printed on standard output so far.
    var outputSoFar: String {
        (try? String(contentsOf: folder.appendingPathComponent("stdout"), encoding: .utf8)) ?? ""
    }

    /// Waits for the program to end, killing it at its deadline.
    func wait() -> Finished {
        if let finished { return finished }
        var timedOut = false
        while ended.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if ContinuousClock.now >= deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                ended.wait()
                break
            }
        }
        process.waitUntilExit()
        let result = Finished(
            status: process.terminationStatus,
            outputBytes: (try? Data(contentsOf: folder.appendingPathComponent("stdout"))) ?? Data(),
            errors: (try? String(contentsOf: folder.appendingPathComponent("stderr"), encoding: .utf8)) ?? "",
            timedOut: timedOut)
        finished = result
        return result
    }
}
