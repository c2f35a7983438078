import Dispatch
internal import IOUring
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A running access log: a buffer for each reactor (``AccessLogSink``) and a thread that
/// writes their lines out in batches, so no reactor ever waits for the terminal or the disk.
///
/// ```swift
/// let log = try AccessLog(configuration, reactorCount: 2)
/// log.sink(for: reactor.index).record(entry)      // on the reactor: format and append
/// log.stop()                                       // at shutdown: every line written
/// ```
/// A batch starts with its first line, gathers lines for
/// ``AccessLogConfiguration/batchInterval``, and leaves in one `write(2)`.
final class AccessLog: Sendable {
    private let sinks: [AccessLogSink]
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let batchInterval: Duration
    private let wake = DispatchSemaphore(value: 0)
    private let stopping = Atomic(false)
    private let thread = Mutex<pthread_t?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// How long ``stop()`` waits for the last lines to leave. A destination that stopped
    /// taking them (a pipe whose reader hangs, a full disk on a network file system) must
    /// not keep the server from stopping: past this, what is left is dropped.
    static let stopTimeout: Duration = .seconds(2)

    /// Opens the destination and starts the log's thread.
    ///
    /// - Throws: ``InvalidServerConfiguration`` when the log file cannot be opened for
    ///   appending, ``IOError`` when the thread cannot be started.
    init(_ configuration: AccessLogConfiguration, reactorCount: Int) throws {
        switch configuration.destination {
        case .standardError:
            descriptor = STDERR_FILENO
            ownsDescriptor = false
        case .file(let path):
            descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOCTTY, 0o644)
            guard descriptor >= 0 else {
                throw InvalidServerConfiguration(
                    setting: "accessLog",
                    requirement: "names a file that cannot be opened for appending: '\(path)' (\(String(cString: strerror(errno))))")
            }
            ownsDescriptor = true
        }
        let colors = configuration.format == .werkzeug && (configuration.colors ?? (isatty(descriptor) == 1))
        let wake = wake
        sinks = (0..<reactorCount).map { _ in AccessLogSink(format: configuration.format, colors: colors, wake: wake) }
        batchInterval = configuration.batchInterval
        do {
            try startThread()
        } catch {
            if ownsDescriptor { close(descriptor) }
            throw error
        }
    }

    /// The buffer of the reactor with this index.
    func sink(for reactorIndex: Int) -> AccessLogSink {
        sinks[reactorIndex]
    }

    /// Writes every line recorded so far, then ends the log's thread (and closes the log
    /// file). Call it once no more lines come: after the connections have closed.
    ///
    /// Returns within ``stopTimeout`` even when the destination blocks: a thread stuck in a
    /// blocking `write(2)` is left to end with the process, and keeps its descriptor open
    /// until then.
    func stop() {
        guard let thread = thread.withLock({ thread in defer { thread = nil }; return thread }) else { return }
        stopping.store(true, ordering: .releasing)
        wake.signal()
        guard finished.wait(timeout: .now() + .nanoseconds(Int(Self.stopTimeout / .nanoseconds(1)))) == .success else {
            pthread_detach(thread)
            return
        }
        pthread_join(thread, nil)
    }

    private func startThread() throws(IOError) {
        let context = Unmanaged.passRetained(self).toOpaque()
        var created = pthread_t()
        let result = pthread_create(&created, nil, { context in
            Unmanaged<AccessLog>.fromOpaque(context!).takeRetainedValue().writeUntilStopped()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<AccessLog>.fromOpaque(context).release()
            throw IOError(code: result, operation: "pthread_create")
        }
        thread.withLock { $0 = created }
    }

    private func writeUntilStopped() {
        var spares = sinks.map { _ in IOBuffer(capacity: 16 * 1024) }
        let batch = IOBuffer(capacity: 64 * 1024)
        var stopped = false
        repeat {
            wake.wait()
            if !stopping.load(ordering: .acquiring) {
                // Gather the batch; stop() cuts the wait short.
                _ = wake.wait(timeout: .now() + .nanoseconds(Int(batchInterval / .nanoseconds(1))))
            }
            stopped = stopping.load(ordering: .acquiring)
            writeBatch(spares: &spares, through: batch)
        } while !stopped
        if ownsDescriptor { close(descriptor) }
        finished.signal()
    }

    /// Takes every reactor's lines and writes them in one go.
    private func writeBatch(spares: inout [IOBuffer], through batch: IOBuffer) {
        var droppedLineCount = 0
        for (index, sink) in sinks.enumerated() {
            let (lines, dropped) = sink.takeLines(leaving: spares[index])
            batch.append(lines.readableBytes)
            lines.consume(lines.readableCount)
            spares[index] = lines
            droppedLineCount += dropped
        }
        if droppedLineCount > 0 {
            batch.append("[access log] \(droppedLineCount) lines dropped: the destination did not keep up\n")
        }
        writeAll(batch)
    }

    /// Writes the batch, retrying what a signal or a full pipe interrupted; a destination that
    /// fails (a closed pipe), or that stays full for ``stopTimeout`` once the log is
    /// stopping, loses the batch, since there is nowhere left to say so.
    private func writeAll(_ batch: IOBuffer) {
        var givingUpAt: ContinuousClock.Instant?
        while batch.readableCount > 0 {
            let written = write(descriptor, batch.readableBytes.baseAddress, batch.readableCount)
            if written > 0 {
                batch.consume(written)
            } else if written < 0 && errno == EINTR {
                continue
            } else if written < 0 && errno == EAGAIN {
                if stopping.load(ordering: .acquiring) {
                    givingUpAt = givingUpAt ?? .now + Self.stopTimeout
                    if ContinuousClock.now >= givingUpAt! {
                        batch.consume(batch.readableCount)
                        continue
                    }
                }
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, 100)
            } else {
                batch.consume(batch.readableCount)
            }
        }
    }
}
