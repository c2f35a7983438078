import Foundation
import Glibc
import IOUring

/// A program the CLI tests run (`asyncweb`, `swift`, `flask`), in a process group of its own
/// with its output in a file, stopped by its PID (and its group's) when the test lets it go.
final class SpawnedProcess: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let pid: pid_t
    private let outputPath: String
    /// Where standard error goes when it is kept apart from standard output.
    private let errorsPath: String?
    private var waitStatus: Int32?

    /// Starts `arguments` in `folder` with this process's environment plus `environment`.
    ///
    /// - Parameter separateErrors: keep standard error apart (in ``errors``) rather than
    ///   mixed into ``output``.
    init(_ arguments: [String], in folder: String, environment: [String: String] = [:], separateErrors: Bool = false) throws {
        let name = NSTemporaryDirectory() + "asyncweb-cli-test-\(UUID().uuidString)"
        outputPath = name + ".log"
        errorsPath = separateErrors ? name + ".errors.log" : nil
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { $1 }
        // cd in a shell: posix_spawn's chdir action is not in Swift's Glibc module.
        let command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", folder] + arguments
        pid = try Self.spawn(command, environment: variables, outputPath: outputPath, errorsPath: errorsPath)
    }

    deinit {
        stop()
        unlink(outputPath)
        if let errorsPath { unlink(errorsPath) }
    }

    /// What it printed so far: standard output, and standard error unless kept apart.
    var output: String {
        (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// What it printed to standard error, when kept apart.
    var errors: String {
        errorsPath.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
    }

    var isRunning: Bool {
        if waitStatus != nil { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        waitStatus = status
        return false
    }

    /// The exit code (128 + the signal for a process a signal ended), once it has exited.
    var exitCode: Int32? {
        waitStatus.map { status in status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f) }
    }

    func signal(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits for it to exit; its exit code, or a failure naming `step` once `timeout` passes
    /// (the process group is then killed).
    @discardableResult
    func finish(_ step: String, within timeout: Duration) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while isRunning {
            guard ContinuousClock.now < deadline else {
                stop()
                throw Failure(description: "\(step) did not finish within \(timeout); its output:\n\(output.suffix(4000))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return exitCode ?? -1
    }

    /// Waits until its output matches `pattern`; the match, or a failure naming `step`.
    func waitForOutput(_ pattern: String, _ step: String, within timeout: Duration) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let output = output
            if let range = output.range(of: pattern, options: .regularExpression) { return String(output[range]) }
            guard isRunning else { throw Failure(description: "\(step): the process exited (\(exitCode ?? -1)); its output:\n\(output.suffix(4000))") }
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "\(step) did not happen within \(timeout); the output:\n\(output.suffix(4000))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Stops it if it still runs, and reaps it: SIGTERM first, so `asyncweb run` stops what it
    /// started, then SIGKILL to its whole process group.
    func stop() {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(10)
        while isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        kill(-pid, SIGKILL)
        while isRunning { usleep(10_000) }
    }

    /// Starts `arguments[0]` in a new process group (``stop()`` signals it whole), with
    /// stdout in `outputPath` and stderr in `errorsPath`, or with stdout when nil.
    private static func spawn(_ arguments: [String], environment: [String: String], outputPath: String, errorsPath: String?) throws -> pid_t {
        try ProcessSpawner.spawn(arguments, environment: environment, newProcessGroup: true) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if let errorsPath {
                posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            } else {
                posix_spawn_file_actions_adddup2(&actions, 1, 2)
            }
        }
    }
}
