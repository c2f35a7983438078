import IOUring
#if canImport(Glibc)
import Glibc
#endif

extension App {
    /// The environment variable through which a supervisor (`asyncweb run`) names the
    /// listening socket it hands the app process it starts, e.g. `ASYNCWEB_LISTEN_FD=3`.
    static let listeningDescriptorVariable = "ASYNCWEB_LISTEN_FD"
    /// The environment variable in which the supervisor gives its own process ID, so that
    /// the app can tell whether it died before the app asked to stop with it.
    static let supervisorProcessVariable = "ASYNCWEB_SUPERVISOR_PID"

    /// When a supervisor started this process: serves the socket it keeps open across
    /// restarts instead of binding one, so connections made while the app restarts wait in
    /// that socket's queue instead of being refused; and stops when the supervisor dies.
    ///
    /// Prints one line and exits with status 1 when `ASYNCWEB_LISTEN_FD` is not a descriptor
    /// number, or when the supervisor (`ASYNCWEB_SUPERVISOR_PID`) has died already.
    /// - Returns: whether a supervisor started this process.
    func adoptSupervisorSocket(into configuration: inout ServerConfiguration) -> Bool {
        let variable = Self.listeningDescriptorVariable
        guard let value = ProcessEnvironment.current[variable] else { return false }
        guard let descriptor = Int32(value), descriptor >= 0 else {
            Self.exit("Cannot start the server: \(variable) must be the number of an inherited listening socket, not '\(value)'.")
        }
        configuration.listeningDescriptor = descriptor
        // Programs the app starts need not hold the socket open (the reactors serve duplicates).
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        // Ctrl-C reaches the whole process group, but a supervisor killed outright warns nobody.
        // A supervisor that names itself is checked against that: by the time this runs, a
        // dead one's place as parent has been taken (without the name, the parent now is
        // taken for it).
        let supervisor = ProcessEnvironment.current[Self.supervisorProcessVariable].flatMap { pid_t($0) } ?? getppid()
        let supervisorAlive = (try? ParentDeathSignal.request(SIGTERM, whileChildOf: supervisor)) ?? true
        if !supervisorAlive {
            Self.exit("Not starting the server: the process that started it (PID \(supervisor)) has exited.")
        }
        return true
    }
}
