internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

/// One io_uring instance: the submission and completion queues shared with the kernel.
///
/// Not thread-safe by design: a ``Reactor`` creates it on its own thread and is its only user,
/// which lets the kernel skip locking (`IORING_SETUP_SINGLE_ISSUER`) and run completion work
/// only when we ask for events (`IORING_SETUP_DEFER_TASKRUN`).
final class IORing {
    let raw: UnsafeMutablePointer<io_uring>

    /// Creates a ring, preferring the single-issuer setup and falling back where the kernel lacks it.
    init(entries: UInt32) throws(IOUringUnavailable) {
        // Built before `self` is initialized, so a failure never reaches deinit.
        raw = try Self.makeRing(entries: entries)
    }

    private static func makeRing(entries: UInt32) throws(IOUringUnavailable) -> UnsafeMutablePointer<io_uring> {
        let raw = UnsafeMutablePointer<io_uring>.allocate(capacity: 1)
        let preferred: [UInt32] = [
            IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_SUBMIT_ALL,
            IORING_SETUP_SUBMIT_ALL,
            0,
        ]
        var lastError: Int32 = 0
        for flags in preferred {
            var params = io_uring_params()
            params.flags = flags | IORING_SETUP_CQSIZE
            params.cq_entries = entries * 4
            let result = io_uring_queue_init_params(entries, raw, &params)
            if result == 0 { return raw }
            lastError = -result
            // EINVAL means "this kernel does not know a flag": try the next set. Anything else is final.
            if lastError != EINVAL { break }
        }
        raw.deallocate()
        throw IOUringUnavailable(code: lastError)
    }

    deinit {
        io_uring_queue_exit(raw)
        raw.deallocate()
    }

    /// A free submission entry, flushing the queue to the kernel first when it is full.
    func nextSubmission() -> UnsafeMutablePointer<io_uring_sqe> {
        while true {
            if let sqe = io_uring_get_sqe(raw) { return sqe }
            _ = io_uring_submit(raw)
        }
    }

    /// Submits what is queued and processes deferred completions without blocking.
    func submitAndCollect() {
        _ = io_uring_submit_and_get_events(raw)
    }

    /// Submits what is queued and blocks until one completion arrives or `timeout` passes.
    func submitAndWait(timeoutNanoseconds: UInt64?) {
        var cqe: UnsafeMutablePointer<io_uring_cqe>? = nil
        if let timeoutNanoseconds {
            var timeout = __kernel_timespec(
                tv_sec: Int64(timeoutNanoseconds / 1_000_000_000),
                tv_nsec: Int64(timeoutNanoseconds % 1_000_000_000))
            _ = io_uring_submit_and_wait_timeout(raw, &cqe, 1, &timeout, nil)
        } else {
            _ = io_uring_submit_and_wait_timeout(raw, &cqe, 1, nil, nil)
        }
    }

    /// Calls `body` with each available completion (user data, result, flags), then frees their slots.
    @inline(__always)
    func drainCompletions(_ body: (UInt64, Int32, UInt32) -> Void) {
        withUnsafeTemporaryAllocation(of: UnsafeMutablePointer<io_uring_cqe>?.self, capacity: 128) { batch in
            while true {
                let count = Int(io_uring_peek_batch_cqe(raw, batch.baseAddress, 128))
                if count == 0 { return }
                for index in 0..<count {
                    let cqe = batch[index].unsafelyUnwrapped
                    body(cqe.pointee.user_data, cqe.pointee.res, cqe.pointee.flags)
                }
                io_uring_cq_advance(raw, UInt32(count))
            }
        }
    }
}
