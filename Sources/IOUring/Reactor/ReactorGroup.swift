internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

/// A set of reactors, one per core by default: what a server spreads its connections over.
///
/// ```swift
/// let group = try ReactorGroup()          // one reactor per online CPU, io_uring where usable
/// defer { group.shutdown() }
/// print(group.selection)                  // "io_uring", or "epoll (io_uring refused: …)"
/// ```
public final class ReactorGroup: Sendable {
    /// The reactors, each with its own thread and ring (or epoll instance).
    public let reactors: [Reactor]
    /// The backend every reactor of the group runs on, and why.
    public let selection: IOBackendSelection

    /// Starts `count` reactors (default: one per online CPU) on `backend`.
    ///
    /// - Parameter backend: `nil` (the default) takes io_uring where this process may use
    ///   it, and epoll otherwise.
    /// - Throws: ``IOUringUnavailable`` when io_uring was asked for and cannot be used here.
    public init(
        count: Int = ReactorGroup.onlineCPUCount, backend: IOBackend? = nil, configuration: Reactor.Configuration = .init()
    ) throws {
        precondition(count > 0, "a reactor group needs at least one reactor")
        selection = try IOBackendSelection.choose(backend)
        // A peer that goes away mid-write must give EPIPE, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        var started: [Reactor] = []
        do {
            for index in 0..<count {
                started.append(try Reactor(index: index, backend: selection.backend, configuration: configuration))
            }
        } catch {
            started.forEach { $0.shutdown() }
            throw error
        }
        reactors = started
    }

    /// The number of CPUs this process may run on.
    public static var onlineCPUCount: Int {
        let allowed = Int(CLibURing_allowedCPUCount())
        if allowed > 0 { return allowed }
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// Stops every reactor and waits for their threads.
    public func shutdown() {
        reactors.forEach { $0.shutdown() }
    }
}
