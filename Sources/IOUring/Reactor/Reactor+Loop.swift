extension Reactor {
    /// Jobs run per loop turn before the kernel is asked again, so a busy task cannot
    /// starve I/O.
    private static let jobBudget = 1024

    func runLoop() {
        // Jobs run with the reactor as their task executor and no serial isolation: a task on
        // the reactor then calls nonisolated async functions inline, where running "isolated to
        // the reactor" made every such call a switch through this queue (measured: a third of
        // plaintext throughput). An actor whose executor is the reactor still gets mutual
        // exclusion from the single thread; entering it costs one pass through the queue.
        let taskExecutor = asUnownedTaskExecutor()
        while takeInbox() {
            var budget = Self.jobBudget
            while budget > 0 {
                if let action = localActions.popFirst() {
                    action()
                } else if let job = localJobs.popFirst() {
                    job.runSynchronously(on: taskExecutor)
                } else {
                    break
                }
                budget -= 1
            }
            // Before deciding to sleep: the sends' completions are jobs.
            if !deferredWrites.isEmpty { flushDeferredWrites() }
            if localJobs.isEmpty && localActions.isEmpty && prepareToSleep() {
                exchangeWithKernel(waitingAtMost: timeUntilNextDeadline())
                isSleeping.store(false, ordering: .relaxed)
            } else {
                exchangeWithKernel(waitingAtMost: 0)
            }
            if !timers.isEmpty {
                timers.fireExpired(now: MonotonicClock.now())
            }
        }
    }

    /// Hands the kernel what was queued and takes what it has: completions (io_uring) or
    /// readiness (epoll), waiting up to `nanoseconds` (nil: until something comes) when
    /// nothing is there yet.
    @inline(__always)
    private func exchangeWithKernel(waitingAtMost nanoseconds: UInt64?) {
        switch backend {
        case .ioUring:
            if nanoseconds == 0 { ring.submitAndCollect() } else { ring.submitAndWait(timeoutNanoseconds: nanoseconds) }
            reapCompletions()
        case .epoll:
            pollReadiness(timeoutNanoseconds: nanoseconds)
        }
    }

    /// Moves work sent from other threads onto the local queues; false once shutdown was asked.
    private func takeInbox() -> Bool {
        if inboxHasWork.load(ordering: .acquiring) {
            inboxHasWork.store(false, ordering: .sequentiallyConsistent)
            inbox.withLock { inbox in
                localJobs.append(contentsOf: inbox.jobs)
                inbox.jobs.removeAll(keepingCapacity: true)
                for action in inbox.actions { localActions.append(action) }
                inbox.actions.removeAll(keepingCapacity: true)
            }
        }
        return !stopRequested.load(ordering: .acquiring)
    }

    /// Marks the loop asleep unless work arrived meanwhile (see `handedOver`).
    private func prepareToSleep() -> Bool {
        isSleeping.store(true, ordering: .sequentiallyConsistent)
        if inboxHasWork.load(ordering: .sequentiallyConsistent) || stopRequested.load(ordering: .sequentiallyConsistent) {
            isSleeping.store(false, ordering: .relaxed)
            return false
        }
        return true
    }

    private func timeUntilNextDeadline() -> UInt64? {
        guard let earliest = timers.earliest else { return nil }
        let now = MonotonicClock.now()
        return earliest > now ? earliest - now : 0
    }
}
