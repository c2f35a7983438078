internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

/// The backend a group of reactors runs on, and why, for the server's banner.
///
/// ```swift
/// let selection = try IOBackendSelection.choose(nil)   // io_uring where usable, else epoll
/// print(" * I/O: \(selection)")                        // "epoll (io_uring refused: EPERM, …)"
/// ```
public struct IOBackendSelection: Sendable, CustomStringConvertible {
    /// The backend chosen.
    public let backend: IOBackend
    /// Why io_uring was passed over, when it was chosen automatically and refused.
    public let fallbackReason: String?

    /// Decides the backend: `requested` when given, else io_uring when this process may use
    /// it with every feature the reactor needs, else epoll.
    ///
    /// - Throws: ``IOUringUnavailable`` when io_uring was asked for and cannot be used.
    public static func choose(_ requested: IOBackend?) throws(IOUringUnavailable) -> IOBackendSelection {
        switch requested {
        case .epoll:
            return IOBackendSelection(backend: .epoll, fallbackReason: nil)
        case .ioUring:
            if let refusal = IOUringProbe.refusal() { throw refusal }
            return IOBackendSelection(backend: .ioUring, fallbackReason: nil)
        case nil:
            if let refusal = IOUringProbe.refusal() {
                return IOBackendSelection(backend: .epoll, fallbackReason: refusal.summary)
            }
            return IOBackendSelection(backend: .ioUring, fallbackReason: nil)
        }
    }

    /// `io_uring`, `epoll`, or `epoll (why io_uring was passed over)`.
    public var description: String {
        fallbackReason.map { "\(backend) (\($0))" } ?? backend.description
    }
}

/// Tries io_uring the way a reactor will use it, on a small ring made and dropped at once.
enum IOUringProbe {
    /// Multishot receive, which the reactor reads every socket with, came in Linux 6.0.
    static let minimumKernel = (major: 6, minor: 0)

    static func refusal() -> IOUringUnavailable? {
        var ring = io_uring()
        let setup = io_uring_queue_init(8, &ring, 0)
        guard setup == 0 else { return IOUringUnavailable(code: -setup) }
        defer { io_uring_queue_exit(&ring) }
        if let kernel = kernelVersion(), kernel < minimumKernel {
            return IOUringUnavailable(missingFeature: "multishot receive", kernel: "\(kernel.major).\(kernel.minor)")
        }
        // The provided-buffer ring (5.19) that multishot receives pick their buffers from.
        var registration = io_uring_buf_reg()
        let entries: UInt32 = 1
        let bytes = Int(entries) * MemoryLayout<io_uring_buf>.stride
        guard let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_ANONYMOUS | MAP_PRIVATE, -1, 0),
            memory != MAP_FAILED
        else { return IOUringUnavailable(code: ENOMEM) }
        defer { munmap(memory, bytes) }
        registration.ring_addr = UInt64(UInt(bitPattern: memory))
        registration.ring_entries = entries
        registration.bgid = 0
        let registered = io_uring_register_buf_ring(&ring, &registration, 0)
        guard registered == 0 else {
            return IOUringUnavailable(missingFeature: "provided-buffer rings", kernel: kernelRelease)
        }
        return nil
    }

    /// The running kernel's release, as `uname -r` prints it.
    static var kernelRelease: String {
        var names = utsname()
        uname(&names)
        return withUnsafeBytes(of: names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// Major and minor version of the running kernel, from its release (`6.1.0-13-amd64`).
    static func kernelVersion() -> (major: Int, minor: Int)? {
        let numbers = kernelRelease.split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        guard numbers.count == 2 else { return nil }
        return (numbers[0], numbers[1])
    }
}
