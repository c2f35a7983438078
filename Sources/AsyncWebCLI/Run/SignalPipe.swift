#if canImport(Glibc)
import Glibc
#endif

/// SIGINT, SIGTERM and SIGCHLD turned into bytes on a pipe, so the supervisor's `poll`
/// loop wakes for them along with its other descriptors, whichever thread the kernel
/// delivers them to.
enum SignalPipe {
    /// The end to poll: readable once a signal has arrived.
    nonisolated(unsafe) private(set) static var readEnd: Int32 = -1
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    /// Set once SIGINT or SIGTERM arrived: the supervisor is to stop.
    nonisolated(unsafe) private(set) static var stopRequested: sig_atomic_t = 0

    /// Installs the handlers; called once, before any child starts.
    static func install() {
        var ends: [Int32] = [0, 0]
        pipe(&ends)
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
        for signal in [SIGINT, SIGTERM, SIGCHLD] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                // The interrupted code may be about to read errno.
                let interruptedErrno = errno
                defer { errno = interruptedErrno }
                if signal != SIGCHLD { SignalPipe.stopRequested = 1 }
                var byte: UInt8 = 0
                _ = Glibc.write(SignalPipe.writeEnd, &byte, 1)
            }
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Empties the pipe after a wake-up.
    static func drain() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &bytes, bytes.count) > 0 {}
    }
}
