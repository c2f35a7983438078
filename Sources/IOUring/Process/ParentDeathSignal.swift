internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

/// The signal the kernel sends this process when its parent dies (Linux's
/// `PR_SET_PDEATHSIG`): how a server started by a supervisor stops with it, even when the
/// supervisor is killed with no chance to stop its children.
///
/// ```swift
/// guard try ParentDeathSignal.request(SIGTERM) else { exit(0) }   // the parent is gone already
/// ```
public enum ParentDeathSignal {
    /// Asks for `signal` when the parent dies.
    ///
    /// The kernel sends it when the thread that started this process ends, so a supervisor
    /// starts its children from a thread that lives as long as it does.
    /// - Returns: false when the parent died before the request took effect (this process
    ///   now has another parent): the signal will never come, so the caller stops by itself.
    /// - Throws: ``IOError`` when the kernel refuses the request (`EINVAL`: not a signal).
    public static func request(_ signal: Int32) throws(IOError) -> Bool {
        let parent = getppid()
        guard CLibURing_setParentDeathSignal(signal) == 0 else { throw IOError.lastError("prctl PR_SET_PDEATHSIG") }
        return getppid() == parent
    }
}
