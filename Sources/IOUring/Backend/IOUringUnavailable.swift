#if canImport(Glibc)
import Glibc
#endif

/// io_uring cannot be used in this process, with the reason and the way out.
///
/// When io_uring is chosen automatically, this is why the reactors run on epoll instead
/// (``summary``, shown in the banner); when it was asked for explicitly, the server fails at
/// startup with this as its one line.
public struct IOUringUnavailable: Error, Sendable, CustomStringConvertible {
    /// The `errno` that `io_uring_setup` returned; 0 when the ring was made but lacks a feature.
    public let code: Int32
    /// The feature the reactor needs that this kernel's io_uring lacks, if that is the cause.
    public let missingFeature: String?
    private let kernel: String?

    /// io_uring_setup failed with `code`.
    public init(code: Int32) {
        self.code = code
        missingFeature = nil
        kernel = nil
    }

    init(missingFeature: String, kernel: String) {
        code = 0
        self.missingFeature = missingFeature
        self.kernel = kernel
    }

    /// One phrase naming the cause as precisely as this process can see it, e.g.
    /// `io_uring refused: EPERM by a seccomp filter, as under Docker's default profile`.
    public var summary: String {
        if let missingFeature {
            return "io_uring lacks \(missingFeature) on Linux \(kernel ?? "?"), which needs 6.0"
        }
        let filtered = SandboxInspection.hasSeccompFilter
        switch code {
        case EPERM:
            switch SandboxInspection.ioUringDisabledSetting {
            case 2: return "io_uring refused: EPERM, kernel.io_uring_disabled=2"
            case 1 where !filtered:
                return "io_uring refused: EPERM, kernel.io_uring_disabled=1 and this user is not in kernel.io_uring_group"
            default:
                return filtered
                    ? "io_uring refused: EPERM by a seccomp filter, as under Docker's default seccomp profile"
                    : "io_uring refused: EPERM"
            }
        case ENOSYS:
            return filtered
                ? "io_uring refused: ENOSYS by a seccomp filter, as under Podman's default seccomp profile"
                : "io_uring not in this kernel: ENOSYS"
        case ENOMEM:
            return "io_uring could not lock memory for its rings: ENOMEM"
        default:
            return "io_uring_setup failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }

    public var description: String {
        if missingFeature != nil {
            return "\(summary). Upgrade the kernel, or run on epoll (--io epoll, ASYNCWEB_IO=epoll)."
        }
        switch code {
        case EPERM:
            return """
                io_uring is not permitted in this process (EPERM): the kernel.io_uring_disabled \
                sysctl is set or a seccomp profile blocks io_uring_setup. Run on epoll (--io epoll or \
                --io auto), `sysctl kernel.io_uring_disabled=0`, or allow io_uring in the container's seccomp profile.
                """
        case ENOSYS:
            return """
                io_uring is not available (ENOSYS): the kernel is older than 5.1, was built without \
                CONFIG_IO_URING, or a seccomp filter hides the system call. Run on epoll (--io epoll or --io auto).
                """
        case ENOMEM:
            return """
                io_uring could not lock memory for its rings (ENOMEM): raise `ulimit -l` (RLIMIT_MEMLOCK), \
                or run on epoll (--io epoll).
                """
        default:
            return "\(summary). Run on epoll (--io epoll) instead."
        }
    }
}

/// What this process can see of the sandbox it runs in, to name why io_uring was refused.
enum SandboxInspection {
    /// Whether a seccomp filter is installed on this process (`Seccomp: 2` in its status).
    static var hasSeccompFilter: Bool {
        guard let status = readSmallFile("/proc/self/status") else { return false }
        return status.split(separator: "\n").contains { $0.hasPrefix("Seccomp:") && $0.hasSuffix("2") }
    }

    /// `kernel.io_uring_disabled` (Linux 6.6+): 0 allowed, 1 only for its group, 2 refused.
    static var ioUringDisabledSetting: Int? {
        readSmallFile("/proc/sys/kernel/io_uring_disabled").flatMap { Int($0.filter(\.isNumber)) }
    }

    private static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(fd, &bytes, bytes.count)
        guard count > 0 else { return nil }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }
}
