#if canImport(Glibc)
import Glibc
#endif

/// Operations both backends share: those the reactor completes itself, cancellation,
/// deadlines and sleeping.
extension Reactor {
    /// Suspends the calling task until the reactor completes an operation in user space (an
    /// epoll socket turned writable, a sleep's deadline), and returns its result.
    ///
    /// `start` gets the operation's tag; whoever holds the tag completes it with
    /// ``completeOperation(_:result:)``. Cancelling the task, or `watch` when `timeout`
    /// passes first, completes it with `-ECANCELED`. `owner` is kept until the operation
    /// completes.
    func suspendForOperation(
        owner: AnyObject? = nil,
        timeout: Duration? = nil,
        watch: OperationWatch? = nil,
        _ start: (UInt64) -> Void
    ) async -> Int32 {
        assert(isOnReactorThread || isStopped.load(ordering: .relaxed), "reactor operations run on their reactor")
        if Task.isCancelled || isStopped.load(ordering: .relaxed) { return -ECANCELED }
        let tag = operations.reserve(owner: owner, inKernel: false)
        return await withTaskCancellationHandler {
            await withUnsafeContinuation { continuation in
                if operations.attach(continuation, to: tag) {
                    completeOperation(tag, result: -ECANCELED)
                    return
                }
                start(tag)
                if let timeout, let watch {
                    watch.begin(tag, deadline: MonotonicClock.deadline(after: timeout))
                }
            }
        } onCancel: {
            self.execute { self.cancelOperation(tag) }
        }
    }

    /// Resumes the task waiting for the user-space operation `tag`; nothing for a stale tag.
    @inline(__always)
    func completeOperation(_ tag: UInt64, result: Int32) {
        operations.complete(tag)?.resume(returning: result)
    }

    /// Ends the operation `tag` with `-ECANCELED`: at once in user space, through the ring
    /// for a submission (whose completion then reports it).
    func cancelOperation(_ tag: UInt64) {
        switch operations.requestCancellation(tag) {
        case .inKernel: submitCancellation(of: tag)
        case .inUserSpace: completeOperation(tag, result: -ECANCELED)
        case .notStartedYet, .finished: break
        }
    }

    /// Suspends the calling task for `duration`, as a deadline in the reactor's timer heap:
    /// an operation nothing completes, ended by its watch when the time comes.
    ///
    /// Must be called from a task running on this reactor.
    /// - Throws: `CancellationError` when the task is cancelled first, or the reactor stops.
    public func sleep(for duration: Duration) async throws {
        let watch = OperationWatch(reactor: self)
        _ = await suspendForOperation(timeout: duration, watch: watch) { _ in }
        // Still queued when cancelled early; a stopped reactor's queue is gone with its thread.
        if isOnReactorThread { watch.close() }
        if Task.isCancelled || isStopped.load(ordering: .relaxed) { throw CancellationError() }
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
