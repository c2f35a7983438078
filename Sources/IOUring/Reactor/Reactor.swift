internal import CLibURing
internal import DequeModule
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A thread that owns one io_uring (or, where io_uring is refused, one epoll instance) and is
/// also the Swift executor of the tasks using it.
///
/// A task started with a reactor as its executor preference (`Task(executorPreference:)`,
/// `group.addTask(executorPreference:)`) runs on the reactor's thread, and when one of its
/// operations completes, the continuation is resumed right there, in the same loop turn,
/// with no hop through the global executor. That hop is the largest cost on a server's
/// request path; avoiding it is why this type exists.
///
/// One loop turn runs the ready jobs, then collects what the kernel has to say: on io_uring
/// it submits every queued operation and reaps completions with one system call; on epoll
/// it waits for readiness and does the reads the ready sockets allow. Either waits (until a
/// deadline, or work from another thread) only when no job is ready, then resumes the
/// tasks whose operations finished. Above the reactor nothing tells the two apart.
///
/// ```swift
/// let reactor = try Reactor(backend: .epoll)
/// let task = Task(executorPreference: reactor) {
///     try await reactor.sleep(for: .milliseconds(10))   // a deadline in the reactor's timer heap
/// }
/// ```
public final class Reactor: TaskExecutor, SerialExecutor, @unchecked Sendable {
    /// Sizes of a reactor's ring and receive buffers.
    public struct Configuration: Sendable {
        /// io_uring: submission queue entries (the completion queue gets four times as many). Default 4,096.
        public var submissionQueueEntries: UInt32 = 4096
        /// io_uring: buffers in the provided-buffer ring for multishot receives, a power of two. Default 1,024.
        public var receiveBufferCount: UInt32 = 1024
        /// Bytes per receive buffer (epoll: the one buffer every socket is read into). Default 16 KiB.
        public var receiveBufferSize: Int = 16 * 1024
        /// epoll: readiness events taken per wait. Default 256.
        public var epollEventsPerWait: Int32 = 256

        public init() {}
    }

    /// Work handed over by other threads, taken by the loop under the lock.
    struct Inbox {
        var jobs: [UnownedJob] = []
        var actions: [@Sendable () -> Void] = []
    }

    /// The reactor's position in its group, for names and logs.
    public let index: Int
    /// The kernel interface this reactor does its I/O through.
    public let backend: IOBackend
    let configuration: Configuration

    // State below is touched only on the reactor's own thread, so its dynamic exclusivity
    // checks (a measurable share of each loop turn) are turned off.
    /// io_uring backend: the ring and the buffers its multishot receives fill.
    @exclusivity(unchecked) var ring: IORing!
    @exclusivity(unchecked) var receiveBuffers: ProvidedBufferRing!
    /// epoll backend: the instance and the buffer ready sockets are read into.
    @exclusivity(unchecked) var epoll: EpollInstance!
    @exclusivity(unchecked) var operations = OperationTable()
    @exclusivity(unchecked) var timers = TimerQueue()
    @exclusivity(unchecked) var localJobs = Deque<UnownedJob>()
    @exclusivity(unchecked) var localActions = Deque<() -> Void>()
    /// Targets the kernel may report events for (a multishot operation in the ring, a
    /// descriptor in the epoll set), kept alive until it no longer can.
    @exclusivity(unchecked) var eventTargets: [ObjectIdentifier: EventTarget] = [:]
    /// epoll: targets unregistered while events for them may still be in hand.
    @exclusivity(unchecked) var retiredTargets: [EventTarget] = []
    /// epoll: sends queued in this loop turn, and the batch being written (kept to reuse its storage).
    @exclusivity(unchecked) var deferredWrites: [DeferredWrite] = []
    @exclusivity(unchecked) var flushingWrites: [DeferredWrite] = []

    // Shared with other threads.
    let inbox = Mutex(Inbox())
    /// Set after something is put in the inbox, so an empty inbox costs the loop no lock.
    let inboxHasWork = Atomic<Bool>(false)
    /// Set by the loop just before it blocks in the ring: a thread handing over work then wakes it.
    let isSleeping = Atomic<Bool>(false)
    let stopRequested = Atomic<Bool>(false)
    let isStopped = Atomic<Bool>(false)
    let wakeFD: Int32
    let wakeBuffer = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
    nonisolated(unsafe) var threadID = pthread_t()
    private let started = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var startupError: (any Error)?

    /// Starts a reactor thread with its ring or epoll instance.
    ///
    /// - Parameter backend: the kernel interface; ``IOBackendSelection/choose(_:)`` says
    ///   which one this process can use.
    /// - Throws: ``IOUringUnavailable`` when the kernel or a sandbox refuses io_uring.
    public init(index: Int = 0, backend: IOBackend, configuration: Configuration = Configuration()) throws {
        self.index = index
        self.backend = backend
        self.configuration = configuration
        wakeFD = eventfd(0, Int32(EFD_CLOEXEC))
        guard wakeFD >= 0 else { throw IOError.lastError("eventfd") }

        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let result = pthread_create(&thread, &attributes, { context in
            Unmanaged<Reactor>.fromOpaque(context!).takeRetainedValue().threadMain()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<Reactor>.fromOpaque(context).release()
            throw IOError(code: result, operation: "pthread_create")
        }
        pthread_detach(thread)
        started.wait()
        if let startupError { throw startupError }
    }

    deinit {
        close(wakeFD)
        wakeBuffer.deallocate()
    }

    /// The reactor whose thread is running this code, if any.
    public static var current: Reactor? {
        guard let pointer = pthread_getspecific(currentKey) else { return nil }
        return Unmanaged<Reactor>.fromOpaque(pointer).takeUnretainedValue()
    }

    private static let currentKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Whether the caller runs on this reactor's thread.
    @inline(__always)
    public var isOnReactorThread: Bool {
        pthread_equal(pthread_self(), threadID) != 0
    }

    /// Asks the loop to end and waits for the thread to finish.
    ///
    /// Operations still in flight are cancelled; their tasks resume with `ECANCELED` on the
    /// global executor, since this thread is gone.
    public func shutdown() {
        guard !stopRequested.exchange(true, ordering: .sequentiallyConsistent) else { return }
        wake()
        if !isOnReactorThread { finished.wait() }
    }

    private func threadMain() {
        threadID = pthread_self()
        CLibURing_nameThread("reactor-\(index)")
        pthread_setspecific(Self.currentKey, Unmanaged.passUnretained(self).toOpaque())
        do {
            switch backend {
            case .ioUring:
                ring = try IORing(entries: configuration.submissionQueueEntries)
                receiveBuffers = try ProvidedBufferRing(
                    ring: ring, groupID: 0, count: configuration.receiveBufferCount,
                    bufferSize: configuration.receiveBufferSize)
            case .epoll:
                epoll = try EpollInstance(
                    wakeFD: wakeFD, eventsPerWait: configuration.epollEventsPerWait,
                    receiveBufferSize: configuration.receiveBufferSize)
            }
        } catch {
            startupError = error
            started.signal()
            return
        }
        if backend == .ioUring { armWakeup() }
        started.signal()
        runLoop()
        tearDown()
        finished.signal()
    }

    private func tearDown() {
        // Actions handed over before the stop still run, while the kernel takes what they ask
        // for (cancellations, disarms): left queued, they would keep what they capture alive for
        // good, this reactor included.
        runLeftoverActions()
        // Closes and sends queued in the last turn must still happen.
        switch backend {
        case .ioUring: ring.submitAndCollect()
        case .epoll: flushDeferredWrites()
        }
        isStopped.store(true, ordering: .releasing)
        // Destroying the ring makes the kernel cancel and finish everything in flight, so the
        // memory owned by pending operations is free to go afterwards. epoll has nothing in
        // flight: its operations wait in user space.
        let waiting = operations.drainAll()
        ring = nil
        receiveBuffers = nil
        epoll = nil
        for continuation in waiting { continuation.resume(returning: -ECANCELED) }
        // No completion or readiness will come for the targets any more, so nothing else lets go of them.
        eventTargets.removeAll()
        retiredTargets.removeAll()
        deferredWrites.removeAll()
        let leftovers = inbox.withLock { inbox in
            defer { inbox.jobs.removeAll() }
            return inbox.jobs
        }
        for job in Array(localJobs) + leftovers {
            globalConcurrentExecutor.enqueue(job)
        }
        localJobs.removeAll()
        // Actions that came after the stop have no thread left to run on.
        localActions.removeAll()
        inbox.withLock { $0.actions.removeAll() }
    }

    private func runLeftoverActions() {
        while true {
            let handedOver = inbox.withLock { inbox in
                defer { inbox.actions.removeAll() }
                return inbox.actions
            }
            for action in handedOver { localActions.append(action) }
            guard let action = localActions.popFirst() else { return }
            action()
        }
    }
}
