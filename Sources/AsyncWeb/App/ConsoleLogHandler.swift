public import Logging
#if canImport(Glibc)
import Glibc
#endif

/// What an app logs to when no logging backend was set up: the terminal, as Flask and
/// Werkzeug print. Informational lines go to standard output as they are (the banner of
/// ``App/run(configuration:)``: ` * Running on http://127.0.0.1:5000`), and warnings and
/// errors to standard error in Flask's format, with their metadata after:
///
/// ```
/// [2026-12-04 10:00:00,123] WARNING in quickstart: A warning occurred (42 apples)
/// ```
/// Each line is written unbuffered, so it shows at once even when output is piped.
public struct ConsoleLogHandler: LogHandler {
    /// The logger's label, shown as Flask shows the module that logged.
    public let label: String
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]

    public init(label: String) {
        self.label = label
    }

    /// The logger an app makes when it is given none: the logging backend bootstrapped with
    /// swift-log's `LoggingSystem`, or this handler when none was (swift-log's own
    /// `StreamLogHandler` answers then), as Flask adds its default handler only when
    /// logging is not configured.
    static func defaultLogger(label: String) -> Logger {
        let bootstrapped = Logger(label: label)
        guard bootstrapped.handler is StreamLogHandler else { return bootstrapped }
        return Logger(label: label) { ConsoleLogHandler(label: $0) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = metadata
        if let given = event.metadata { fields.merge(given) { _, given in given } }
        let details = fields.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        if event.level <= .notice {
            Self.write("\(event.message)\(details)\n", to: STDOUT_FILENO)
        } else {
            let level = event.level == .critical ? "CRITICAL" : event.level == .error ? "ERROR" : "WARNING"
            Self.write("[\(Self.timestamp())] \(level) in \(label): \(event.message)\(details)\n", to: STDERR_FILENO)
        }
    }

    /// Local time as Python's logging prints it: `2026-12-04 10:00:00,123`.
    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        localtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S", &parts)
        let milliseconds = Int(now.tv_nsec / 1_000_000)
        let date = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return date + "," + String(repeating: "0", count: milliseconds < 10 ? 2 : milliseconds < 100 ? 1 : 0) + String(milliseconds)
    }

    private static func write(_ line: String, to descriptor: Int32) {
        var text = line
        text.withUTF8 { bytes in _ = Glibc.write(descriptor, bytes.baseAddress, bytes.count) }
    }
}
