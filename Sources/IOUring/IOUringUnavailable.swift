/// io_uring cannot be used in this process, with the reason and the way out.
///
/// Thrown when the first ring is created, so a server fails at startup with one
/// clear line instead of crashing later.
public struct IOUringUnavailable: Error, Sendable, CustomStringConvertible {
    /// The `errno` that `io_uring_setup` returned.
    public let code: Int32

    public var description: String {
        switch code {
        case EPERM:
            return """
                io_uring is not permitted in this process (EPERM): the kernel.io_uring_disabled \
                sysctl is set or a seccomp profile blocks io_uring_setup. Run \
                `sysctl kernel.io_uring_disabled=0` or allow io_uring in the container's seccomp profile.
                """
        case ENOSYS:
            return """
                io_uring is not available (ENOSYS): the kernel is older than 5.1, was built without \
                CONFIG_IO_URING, or a seccomp filter hides the system call. AsyncWeb needs Linux 6.0 or newer.
                """
        case ENOMEM:
            return """
                io_uring could not lock memory for its rings (ENOMEM): raise `ulimit -l` (RLIMIT_MEMLOCK).
                """
        default:
            return "io_uring_setup failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
