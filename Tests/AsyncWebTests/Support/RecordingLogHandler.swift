import Logging
import Synchronization

/// A swift-log backend that keeps what it is given, for tests that check what an app logs.
///
/// ```swift
/// let log = RecordingLogHandler.Records()
/// let app = App("test", logger: Logger(label: "test") { _ in RecordingLogHandler(records: log) })
/// ```
struct RecordingLogHandler: LogHandler {
    struct Entry: Sendable {
        let level: Logger.Level
        let message: String
    }

    /// The entries of every logger made with the same records.
    final class Records: Sendable {
        private let entries = Mutex<[Entry]>([])
        var all: [Entry] { entries.withLock { $0 } }
        func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }
    }

    let records: Records
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        records.append(Entry(level: event.level, message: event.message.description))
    }
}
