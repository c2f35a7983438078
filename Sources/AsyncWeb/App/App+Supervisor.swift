import IOUring
#if canImport(Glibc)
import Glibc
#endif

extension App {
    /// The environment variable through which a supervisor (`asyncweb run`) names the
    /// listening socket it hands the app process it starts, e.g. `ASYNCWEB_LISTEN_FD=3`.
    static let listeningDescriptorVariable = "ASYNCWEB_LISTEN_FD"

    /// When a supervisor started this process: serves the socket it keeps open across
    /// restarts instead of binding one, so connections made while the app restarts wait in
    /// that socket's queue instead of being refused; and stops when the supervisor dies.
    ///
    /// Prints one line and exits with status 1 when `ASYNCWEB_LISTEN_FD` is not a descriptor
    /// number, or when the supervisor has died already.
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
        let supervisorAlive = (try? ParentDeathSignal.request(SIGTERM)) ?? true
        if !supervisorAlive {
            Self.exit("Not starting the server: the process that started it (\(variable)=\(value)) has exited.")
        }
        return true
    }
}
