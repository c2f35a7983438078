/// What the server's access log writes, in which format, and where: one line per request.
///
/// ```swift
/// var configuration = ServerConfiguration()
/// configuration.accessLog = AccessLogConfiguration()                  // Werkzeug's lines, on stderr
/// configuration.accessLog = AccessLogConfiguration(format: .combined, destination: .file("/var/log/app/access.log"))
/// ```
/// Lines never hold up a reactor: each reactor appends them to a buffer of its own, and a
/// thread of the log writes the buffers out in batches, one `write(2)` for each batch, at
/// most ``batchInterval`` after the first line of the batch. A batch holds each reactor's
/// lines in turn, so lines are in order for each connection, not always across connections
/// served by different reactors. Every line is written by the time ``HTTPServer/run()``
/// returns, unless the destination has stopped taking them (a pipe nobody reads): shutdown
/// then waits for it at most 2 seconds and drops what is left.
public struct AccessLogConfiguration: Sendable, Equatable {
    /// The layout of a line.
    public enum Format: String, Sendable, Equatable, CaseIterable {
        /// Werkzeug's development server, byte for byte (`flask run` prints these):
        /// ```
        /// 127.0.0.1 - - [06/Dec/2026 10:00:00] "GET / HTTP/1.1" 200 -
        /// ```
        /// The client's address, the local time, the request line with its target as
        /// Werkzeug shows it (UTF-8 percent-escapes decoded where that keeps the meaning,
        /// control characters escaped as `\xNN`), the status, and `-` where Werkzeug never
        /// gives the size. On a terminal the request line is coloured by status as Werkzeug
        /// colours it: 1xx bold, 304 cyan, other 3xx green, 404 yellow, other 4xx bold red,
        /// 5xx bold magenta. A request that could not be parsed gets Werkzeug's
        /// `code 400, message …` line before its own.
        case werkzeug
        /// Apache's and nginx's "combined" format, with the time taken to answer at the end:
        /// ```
        /// 127.0.0.1 - - [06/Dec/2026:10:00:00 +0100] "GET / HTTP/1.1" 200 13 "-" "curl/8.5.0" 154
        /// ```
        /// The fields, in order: the client's address; `-` (identd); `-` (user); the local time
        /// with its UTC offset; the request line as sent; the status; the bytes of the body sent
        /// (`-` for none, as Apache's `%b`); the `Referer` and `User-Agent` headers (`-` when
        /// absent); the microseconds from the request's head being read to its response being
        /// handed to the connection (Apache's `%D`; for a streamed body, to its last chunk
        /// sent). Quoted fields escape `"`, `\` and bytes outside printable ASCII as `\xHH`,
        /// as nginx escapes them.
        case combined
    }

    /// Where the lines go.
    public enum Destination: Sendable, Equatable {
        /// The process's standard error, where Werkzeug logs.
        case standardError
        /// A file, created if missing and appended to (`O_APPEND`, so several processes and
        /// `logrotate`'s `copytruncate` can share it).
        case file(String)
    }

    /// The layout of a line. Default ``Format/werkzeug``.
    public var format: Format
    /// Where the lines go. Default ``Destination/standardError``.
    public var destination: Destination
    /// Whether the werkzeug format colours lines by status; `nil` (the default) colours them
    /// when the destination is a terminal, as Werkzeug does. The combined format is never coloured.
    public var colors: Bool?
    /// How long the log waits after a batch's first line before writing the batch: longer
    /// gathers more lines in one `write(2)`. Default 10 ms, which a person reading the
    /// terminal does not notice.
    public var batchInterval: Duration

    public init(
        format: Format = .werkzeug, destination: Destination = .standardError, colors: Bool? = nil,
        batchInterval: Duration = .milliseconds(10)
    ) {
        self.format = format
        self.destination = destination
        self.colors = colors
        self.batchInterval = batchInterval
    }
}
