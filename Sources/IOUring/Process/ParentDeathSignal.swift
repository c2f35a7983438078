internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

/// The signal the kernel sends this process when its parent dies (Linux's
/// `PR_SET_PDEATHSIG`): how a server started by a supervisor stops with it, even when the
/// supervisor is killed with no chance to stop its children.
///
/// ```swift
/// guard try ParentDeathSignal.request(SIGTERM, whileChildOf: supervisor) else { exit(0) }   // gone already
/// ```
public enum ParentDeathSignal {
    /// Asks for `signal` when the parent dies.
    ///
    /// The kernel sends it when the thread that started this process ends, so a supervisor
    /// starts its children from a thread that lives as long as it does.
    /// - Parameter parent: the process that started this one, as it said itself (its PID
    ///   in the environment, say). Only a PID known from before this process started tells
    ///   a parent that died before the request from the process that adopted this one.
    /// - Returns: false when `parent` is no longer the parent (it died before the request
    ///   took effect): the signal will never come, so the caller stops by itself.
    /// - Throws: ``IOError`` when the kernel refuses the request (`EINVAL`: not a signal).
    public static func request(_ signal: Int32, whileChildOf parent: Int32) throws(IOError) -> Bool {
        guard CLibURing_setParentDeathSignal(signal) == 0 else { throw IOError.lastError("prctl PR_SET_PDEATHSIG") }
        return getppid() == parent
    }
}
