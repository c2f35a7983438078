/// The kernel interface a reactor does its I/O through.
///
/// io_uring comes first: one system call per loop turn submits every operation and collects
/// every completion. Where io_uring is refused (container seccomp profiles, gVisor,
/// `kernel.io_uring_disabled`, kernels before 6.0), epoll serves the same API with the same
/// guarantees. ``IOBackendSelection`` picks one at start-up.
public enum IOBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Completions from an io_uring: multishot accept and receive, sends in the ring.
    case ioUring = "io_uring"
    /// Readiness from epoll (edge-triggered): sockets are read and written with plain system
    /// calls when the kernel says they are ready.
    case epoll

    /// Parses the words of `--io` and `ASYNCWEB_IO`: `io_uring` or `epoll` give that
    /// backend, `auto` gives `.some(nil)` (choose at start-up), anything else `nil`.
    public static func parse(_ word: String) -> IOBackend?? {
        if word == "auto" { return .some(nil) }
        return IOBackend(rawValue: word).map { .some($0) }
    }

    public var description: String { rawValue }
}
