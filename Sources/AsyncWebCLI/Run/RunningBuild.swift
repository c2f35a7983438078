#if canImport(Glibc)
import Glibc
#endif

/// A `swift build` in progress: its output is shown on the terminal as it comes and kept
/// for the error page.
final class RunningBuild {
    let process: ChildProcess
    /// The pipe's read end, to poll.
    let output: Int32
    private(set) var text = ""

    init(_ arguments: [String], environment: [String: String]) throws(CLIError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw CLIError("Cannot make a pipe for the build: \(String(cString: strerror(errno))).") }
        defer { close(ends[1]) }
        do {
            process = try ChildProcess(arguments, environment: environment, output: ends[1], ownGroup: true)
        } catch {
            close(ends[0])
            throw error
        }
        output = ends[0]
        _ = fcntl(output, F_SETFD, FD_CLOEXEC)
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(output)
    }

    /// Reads what the build printed since the last call, and shows it.
    func readOutput() {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = read(output, &buffer, buffer.count)
            guard count > 0 else { return }
            let piece = String(decoding: buffer[..<count], as: UTF8.self)
            Console.write(piece, to: STDOUT_FILENO)
            text += piece
        }
    }

    /// Whether the build succeeded, once it has finished (its output all read); nil while it runs.
    var succeeded: Bool? {
        guard !process.isRunning else { return nil }
        readOutput()
        return process.exitCode == 0
    }
}
