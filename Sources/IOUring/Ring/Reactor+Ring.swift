internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

/// The io_uring backend's side of the reactor: operations are submissions, results are
/// completions.
extension Reactor {
    /// Runs one single-shot operation in the ring and returns its completion result
    /// (`-errno` on failure).
    ///
    /// `prepare` fills the submission entry. `owner` is kept alive until the kernel reports
    /// completion, even if the calling task is cancelled first, so it must own any memory the
    /// operation reads or writes. Cancelling the task cancels the operation in the ring; so
    /// does `watch` when `timeout` passes first. Either way it then ends with `-ECANCELED`.
    func perform(
        owner: AnyObject? = nil,
        timeout: Duration? = nil,
        watch: OperationWatch? = nil,
        _ prepare: (UnsafeMutablePointer<io_uring_sqe>) -> Void
    ) async -> Int32 {
        assert(isOnReactorThread || isStopped.load(ordering: .relaxed), "ring operations run on their reactor")
        if Task.isCancelled || isStopped.load(ordering: .relaxed) { return -ECANCELED }
        let tag = operations.reserve(owner: owner, inKernel: true)
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
                }
                if cancelled { submitCancellation(of: tag) }
            }
        } onCancel: {
            self.execute { self.cancelOperation(tag) }
        }
    }

    func submitCancellation(of tag: UInt64) {
        let sqe = ring.nextSubmission()
        io_uring_prep_cancel64(sqe, tag, 0)
        io_uring_sqe_set_data64(sqe, CompletionTag.ignored)
    }

    /// Puts a multishot operation for `target` into the ring; its completions go to `target`.
    func arm(_ target: EventTarget, _ prepare: (UnsafeMutablePointer<io_uring_sqe>) -> Void) {
        assert(isOnReactorThread)
        let sqe = ring.nextSubmission()
        prepare(sqe)
        io_uring_sqe_set_data64(sqe, CompletionTag.target(target))
        eventTargets[ObjectIdentifier(target)] = target
        target.isArmed = true
    }

    /// Asks the kernel to end `target`'s multishot operation; its last completion still arrives.
    func disarm(_ target: EventTarget) {
        guard target.isArmed, !isStopped.load(ordering: .relaxed) else { return }
        let sqe = ring.nextSubmission()
        io_uring_prep_cancel64(sqe, CompletionTag.target(target), 0)
        io_uring_sqe_set_data64(sqe, CompletionTag.ignored)
    }

    /// Submits an operation whose result nobody waits for (closing a socket, say).
    func submitDetached(_ prepare: (UnsafeMutablePointer<io_uring_sqe>) -> Void) {
        assert(isOnReactorThread)
        let sqe = ring.nextSubmission()
        prepare(sqe)
        io_uring_sqe_set_data64(sqe, CompletionTag.ignored)
    }

    /// Keeps one read of the eventfd in the ring, so a write from another thread ends the wait.
    func armWakeup() {
        let sqe = ring.nextSubmission()
        io_uring_prep_read(sqe, wakeFD, wakeBuffer, 8, 0)
        io_uring_sqe_set_data64(sqe, CompletionTag.wakeup)
    }

    func reapCompletions() {
        ring.drainCompletions { userData, result, flags in
            switch userData & CompletionTag.kindMask {
            case CompletionTag.operationKind:
                operations.complete(userData)?.resume(returning: result)
            case CompletionTag.targetKind:
                let target = CompletionTag.target(of: userData)
                if flags & IORING_CQE_F_MORE != 0 {
                    target.complete(result: result, flags: flags, more: true)
                } else {
                    eventTargets[ObjectIdentifier(target)] = nil
                    target.isArmed = false
                    target.complete(result: result, flags: flags, more: false)
                }
            case CompletionTag.wakeup:
                armWakeup()
            default:
                break
            }
        }
    }
}
