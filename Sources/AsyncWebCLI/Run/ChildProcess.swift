import IOUring
#if canImport(Glibc)
import Glibc
#endif

/// A process `asyncweb run` started (a build, the app, the build-error page) and stops
/// before it exits: nothing it starts outlives it.
final class ChildProcess {
    /// The descriptor number a server process finds the listening socket at; its
    /// environment says so in `ASYNCWEB_LISTEN_FD`.
    static let listeningDescriptor: Int32 = 3

    let pid: pid_t
    /// Whether the process leads a process group of its own, which ``stop(timeout:)`` signals
    /// whole: `swift build` runs compilers of its own.
    private let leadsGroup: Bool
    /// The wait status, once the process has exited and been reaped.
    private(set) var status: Int32?

    /// Starts `arguments[0]` with default signal handling and only stdin, stdout, stderr and,
    /// when given, `listening` as descriptor 3 open.
    ///
    /// - Parameters:
    ///   - output: where stdout and stderr go; the inherited ones when nil.
    ///   - ownGroup: start a process group, so a Ctrl-C on the terminal reaches it only through
    ///     `asyncweb`, which then stops it with all its children.
    init(
        _ arguments: [String], environment: [String: String], listening: ListeningSocket? = nil, output: Int32? = nil,
        ownGroup: Bool = false
    ) throws(CLIError) {
        do {
            pid = try ProcessSpawner.spawn(
                arguments, environment: environment,
                // Not the inotify descriptor, the build's pipe or anything else of ours.
                keepingDescriptorsBelow: listening == nil ? 3 : Self.listeningDescriptor + 1,
                searchingPath: true, newProcessGroup: ownGroup
            ) { actions in
                if let output {
                    posix_spawn_file_actions_adddup2(&actions, output, 1)
                    posix_spawn_file_actions_adddup2(&actions, output, 2)
                }
                if let listening, listening.descriptor != Self.listeningDescriptor {
                    posix_spawn_file_actions_adddup2(&actions, listening.descriptor, Self.listeningDescriptor)
                }
            }
        } catch {
            throw CLIError(error.description)
        }
        self.leadsGroup = ownGroup
    }

    /// Whether it still runs; reaps it (without blocking) once it has exited.
    var isRunning: Bool {
        guard status == nil else { return false }
        var waitStatus: Int32 = 0
        guard waitpid(pid, &waitStatus, WNOHANG) == pid else { return true }
        status = waitStatus
        return false
    }

    /// Its exit code, or 128 + the signal that ended it, as a shell reports it.
    var exitCode: Int32? {
        status.map { status in
            let signal = status & 0x7f
            return signal == 0 ? (status >> 8) & 0xff : 128 + signal
        }
    }

    /// Asks it to stop with `signal` (a server's graceful shutdown finishes the requests in
    /// flight), then kills it if it still runs after `timeout`; returns once it is reaped.
    func stop(signal: Int32 = SIGTERM, timeout: Duration = .seconds(5)) {
        guard isRunning else { return }
        send(signal)
        let deadline = ContinuousClock.now + timeout
        while isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        if isRunning {
            send(SIGKILL)
            while isRunning { usleep(10_000) }
        }
    }

    private func send(_ signal: Int32) {
        kill(leadsGroup ? -pid : pid, signal)
    }
}
