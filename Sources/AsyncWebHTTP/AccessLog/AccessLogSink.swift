import Dispatch
internal import IOUring
import Synchronization

/// One reactor's share of the access log: the lines its connections formatted, waiting for
/// the log's thread to write them.
///
/// The lock is the reactor's own: only the log's thread takes it besides, once a batch, for
/// the time it takes to swap two buffers. The first line after a swap wakes the log's
/// thread; the others just append.
final class AccessLogSink: Sendable {
    private struct Pending {
        var lines: IOBuffer
        var clock = AccessLogClock()
        /// Lines refused since the last batch because the buffer was full.
        var droppedLineCount = 0
    }

    /// Past this many unwritten bytes (the destination blocks, or cannot keep up) lines are
    /// dropped and counted, rather than held in memory without bound.
    static let bufferLimit = 4 * 1024 * 1024

    private let pending: Mutex<Pending>
    private let format: AccessLogConfiguration.Format
    private let colors: Bool
    private let wake: DispatchSemaphore

    /// Whether entries need their duration and headers (the combined format shows them).
    let wantsRequestDetails: Bool

    init(format: AccessLogConfiguration.Format, colors: Bool, wake: DispatchSemaphore) {
        self.format = format
        self.colors = colors
        self.wake = wake
        wantsRequestDetails = format == .combined
        pending = Mutex(Pending(lines: IOBuffer(capacity: 16 * 1024)))
    }

    /// Formats the entry's line into the buffer.
    func record(_ entry: AccessLogEntry) {
        let isFirstOfBatch = pending.withLock { pending in
            guard pending.lines.readableCount < Self.bufferLimit else {
                pending.droppedLineCount += 1
                return false
            }
            let wasEmpty = pending.lines.readableCount == 0
            pending.clock.update()
            switch format {
            case .werkzeug:
                WerkzeugAccessLine.append(entry, time: pending.clock.werkzeugTime, colors: colors, to: pending.lines)
            case .combined:
                CombinedAccessLine.append(entry, time: pending.clock.combinedTime, to: pending.lines)
            }
            return wasEmpty
        }
        if isFirstOfBatch { wake.signal() }
    }

    /// The lines waiting, in exchange for `empty`, and how many were dropped since the last call.
    func takeLines(leaving empty: IOBuffer) -> (lines: IOBuffer, droppedLineCount: Int) {
        pending.withLock { pending in
            let taken = (pending.lines, pending.droppedLineCount)
            pending.lines = empty
            pending.droppedLineCount = 0
            return taken
        }
    }
}
