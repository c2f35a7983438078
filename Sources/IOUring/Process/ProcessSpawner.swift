#if canImport(Glibc)
package import Glibc
#endif

/// `posix_spawn` as every process AsyncWeb starts needs it (`asyncweb run`'s builds and
/// servers, the tests' server processes): default signal handling and an empty signal mask
/// (Foundation's `Process` passes on the calling thread's mask, in which SIGTERM may be
/// blocked), and no descriptor of ours past the ones the caller places.
///
/// ```swift
/// let pid = try ProcessSpawner.spawn(["swift", "build"], environment: environment, searchingPath: true) { actions in
///     posix_spawn_file_actions_adddup2(&actions, pipe, 1)
/// }
/// ```
package enum ProcessSpawner {
    /// The child's `errno` from `posix_spawn`, with the program it could not start.
    package struct Failure: Error, CustomStringConvertible {
        package let program: String
        package let code: Int32
        package var description: String { "Cannot start \(program): \(String(cString: strerror(code)))." }
    }

    /// Starts `arguments[0]` and returns its process ID.
    ///
    /// - Parameters:
    ///   - keepingDescriptorsBelow: descriptors from this number up are closed in the child
    ///     (other threads' sockets are not all close-on-exec); `placeDescriptors` may put
    ///     what the child needs below it.
    ///   - searchingPath: look `arguments[0]` up in `PATH`, as a shell does.
    ///   - newProcessGroup: lead a process group of its own, so it can be signalled whole and
    ///     a Ctrl-C on the terminal does not reach it directly.
    ///   - placeDescriptors: the file actions that set up its descriptors 0 to 2 and more.
    package static func spawn(
        _ arguments: [String], environment: [String: String], keepingDescriptorsBelow lowestClosed: Int32 = 3,
        searchingPath: Bool = false, newProcessGroup: Bool = false,
        placeDescriptors: (inout posix_spawn_file_actions_t) -> Void = { _ in }
    ) throws(Failure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        placeDescriptors(&actions)
        closeDescriptors(from: lowestClosed, in: &actions)

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
        if newProcessGroup {
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
        let result =
            searchingPath
            ? posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
            : posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else { throw Failure(program: arguments[0], code: result) }
        return pid
    }

    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module
    /// does not declare; on an older glibc the child keeps what is not close-on-exec.
    private static func closeDescriptors(from lowest: Int32, in actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, lowest)
    }
}
