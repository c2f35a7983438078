#if canImport(Glibc)
import Glibc
#endif

extension Reactor {
    /// Queues a job: straight onto the local queue from the reactor's own thread (the common
    /// case: a completion resuming its task), through the locked inbox from any other thread,
    /// waking the loop only if it is asleep.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if isOnReactorThread {
            localJobs.append(job)
            return
        }
        if isStopped.load(ordering: .acquiring) {
            globalConcurrentExecutor.enqueue(job)
            return
        }
        inbox.withLock { $0.jobs.append(job) }
        handedOver()
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    public func asUnownedTaskExecutor() -> UnownedTaskExecutor {
        UnownedTaskExecutor(ordinary: self)
    }

    public func checkIsolated() {
        precondition(isOnReactorThread, "expected to run on reactor \(index)'s thread")
    }

    public func isIsolatingCurrentContext() -> Bool? {
        isOnReactorThread
    }

    /// Runs `action` on the reactor's thread: after the current job when called from it,
    /// through the inbox otherwise. Used for work that must touch reactor state, such as a
    /// cancellation arriving from another thread.
    public func execute(_ action: @escaping @Sendable () -> Void) {
        if isOnReactorThread {
            localActions.append(action)
            return
        }
        inbox.withLock { $0.actions.append(action) }
        handedOver()
    }

    /// Flags the inbox and wakes the loop if it sleeps. Both flags are sequentially
    /// consistent, paired with `prepareToSleep`: either this thread sees the loop asleep and
    /// wakes it, or the loop sees the flag and does not sleep.
    private func handedOver() {
        inboxHasWork.store(true, ordering: .sequentiallyConsistent)
        if isSleeping.exchange(false, ordering: .sequentiallyConsistent) { wake() }
    }

    /// Interrupts the loop's wait in the kernel: the ring has a read of the eventfd pending,
    /// the epoll set watches it.
    func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }
}
