internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

extension Reactor {
    /// Runs one single-shot operation and returns its completion result (`-errno` on failure).
    ///
    /// `prepare` fills the submission entry. `owner` is kept alive until the kernel reports
    /// completion, even if the calling task is cancelled first, so it must own any memory the
    /// operation reads or writes. Cancelling the task cancels the operation in the ring; a
    /// `timeout` is a linked timeout, or, when a `watch` is given, a deadline checked by
    /// that watch in the timer heap; either way the operation then ends with `-ECANCELED`.
    func perform(
        owner: AnyObject? = nil,
        timeout: Duration? = nil,
        watch: OperationWatch? = nil,
        _ prepare: (UnsafeMutablePointer<io_uring_sqe>) -> Void
    ) async -> Int32 {
        assert(isOnReactorThread || isStopped.load(ordering: .relaxed), "ring operations run on their reactor")
        if Task.isCancelled || isStopped.load(ordering: .relaxed) { return -ECANCELED }
        let tag = operations.reserve(owner: owner)
        return await withTaskCancellationHandler {
            await withUnsafeContinuation { continuation in
                // The task may have been suspended since `reserve` (an executor switch), and a
                // cancellation may have come meanwhile: then it goes in right behind the operation.
                let cancelled = operations.attach(continuation, to: tag)
                let sqe = ring.nextSubmission()
                prepare(sqe)
                io_uring_sqe_set_data64(sqe, tag)
                if let timeout, let watch {
                    watch.begin(tag, deadline: MonotonicClock.deadline(after: timeout))
                } else if let timeout {
                    sqe.pointee.flags |= CLibURing_IOSQE_IO_LINK
                    let timer = ring.nextSubmission()
                    io_uring_prep_link_timeout(timer, operations.timeoutStorage(for: tag, nanoseconds: timeout.nanoseconds), 0)
                    io_uring_sqe_set_data64(timer, CompletionTag.ignored)
                }
                if cancelled { submitCancellation(of: tag) }
            }
        } onCancel: {
            self.execute { self.cancelOperation(tag) }
        }
    }

    func cancelOperation(_ tag: UInt64) {
        switch operations.requestCancellation(tag) {
        case .inFlight: submitCancellation(of: tag)
        case .notSubmittedYet, .finished: break
        }
    }

    private func submitCancellation(of tag: UInt64) {
        let sqe = ring.nextSubmission()
        io_uring_prep_cancel64(sqe, tag, 0)
        io_uring_sqe_set_data64(sqe, CompletionTag.ignored)
    }

    /// Puts a multishot operation for `target` into the ring; its completions go to `target`.
    func arm(_ target: MultishotTarget, _ prepare: (UnsafeMutablePointer<io_uring_sqe>) -> Void) {
        assert(isOnReactorThread)
        let sqe = ring.nextSubmission()
        prepare(sqe)
        io_uring_sqe_set_data64(sqe, CompletionTag.multishot(Unmanaged.passUnretained(target).toOpaque()))
        armedTargets[ObjectIdentifier(target)] = target
        target.isArmed = true
    }

    /// Asks the kernel to end `target`'s multishot operation; its last completion still arrives.
    func disarm(_ target: MultishotTarget) {
        guard target.isArmed, !isStopped.load(ordering: .relaxed) else { return }
        let sqe = ring.nextSubmission()
        io_uring_prep_cancel64(sqe, CompletionTag.multishot(Unmanaged.passUnretained(target).toOpaque()), 0)
        io_uring_sqe_set_data64(sqe, CompletionTag.ignored)
    }

    /// Submits an operation whose result nobody waits for (closing a socket, say).
    func submitDetached(_ prepare: (UnsafeMutablePointer<io_uring_sqe>) -> Void) {
        assert(isOnReactorThread)
        let sqe = ring.nextSubmission()
        prepare(sqe)
        io_uring_sqe_set_data64(sqe, CompletionTag.ignored)
    }

    /// Suspends the calling task for `duration` with an `IORING_OP_TIMEOUT` on this ring.
    ///
    /// Must be called from a task running on this reactor.
    /// - Throws: `CancellationError` when the task is cancelled first.
    public func sleep(for duration: Duration) async throws {
        let interval = KernelTimespec(duration)
        let result = await perform(owner: interval) { sqe in
            io_uring_prep_timeout(sqe, interval.pointer, 0, 0)
        }
        if result == -ETIME { return }
        if result == -ECANCELED { throw CancellationError() }
        throw IOError(result: result, operation: "timeout")
    }

    /// Registers a deadline check with the reactor's timer queue.
    func schedule(_ target: any DeadlineTarget, at time: UInt64) {
        timers.schedule(target, at: time)
    }

    /// Takes a target out of the timer queue (it closed), so the queue no longer keeps it alive.
    func unschedule(_ target: any DeadlineTarget) {
        timers.remove(target)
    }
}

/// A `__kernel_timespec` at a stable address, owned by the operation that reads it.
final class KernelTimespec {
    let pointer = UnsafeMutablePointer<__kernel_timespec>.allocate(capacity: 1)

    init(_ duration: Duration) {
        let nanoseconds = duration.nanoseconds
        pointer.pointee = __kernel_timespec(
            tv_sec: Int64(nanoseconds / 1_000_000_000), tv_nsec: Int64(nanoseconds % 1_000_000_000))
    }

    deinit { pointer.deallocate() }
}
