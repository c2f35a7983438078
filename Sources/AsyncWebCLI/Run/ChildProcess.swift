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
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let output {
            posix_spawn_file_actions_adddup2(&actions, output, 1)
            posix_spawn_file_actions_adddup2(&actions, output, 2)
        }
        if let listening, listening.descriptor != Self.listeningDescriptor {
            posix_spawn_file_actions_adddup2(&actions, listening.descriptor, Self.listeningDescriptor)
        }
        // Not the inotify descriptor, the build's pipe or anything else of ours.
        Self.closeFrom(&actions, listening == nil ? 3 : Self.listeningDescriptor + 1)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ownGroup {
            flags |= POSIX_SPAWN_SETPGROUP
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else { throw CLIError("Cannot start \(arguments[0]): \(String(cString: strerror(result))).") }
        self.pid = pid
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

    /// posix_spawn_file_actions_addclosefrom_np, glibc 2.34's call, which Swift's Glibc
    /// module does not declare.
    private static func closeFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, lowest)
    }
}
