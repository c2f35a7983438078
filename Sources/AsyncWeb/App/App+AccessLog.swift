import AsyncWebHTTP

extension App {
    /// The access log ``run(configuration:)`` serves with: `given` (a configuration's own),
    /// or Werkzeug's lines on standard error, as `flask run` logs every request.
    ///
    /// The flags decide first, then the config keys, then `given`:
    ///
    /// | flag | config key | |
    /// |---|---|---|
    /// | `--access-log` / `--no-access-log` | `ACCESS_LOG` (true / false) | on or off; on by default |
    /// | `--access-log-format werkzeug\|combined` | `ACCESS_LOG_FORMAT` | ``AccessLogConfiguration/Format`` |
    /// | `--access-log-file FILE` | `ACCESS_LOG_FILE` | append to a file instead of standard error |
    ///
    /// A format the config names and the log does not know stops the process with one line
    /// saying so, as the other start-up errors do.
    func accessLog(_ given: AccessLogConfiguration?, options: AccessLogOptions) -> AccessLogConfiguration? {
        guard options.accessLog ?? config["ACCESS_LOG"]?.bool ?? true else { return nil }
        var accessLog = given ?? AccessLogConfiguration()
        if let format = options.accessLogFormat?.format ?? configuredAccessLogFormat() { accessLog.format = format }
        if let path = options.accessLogFile ?? config["ACCESS_LOG_FILE"]?.string { accessLog.destination = .file(path) }
        return accessLog
    }

    private func configuredAccessLogFormat() -> AccessLogConfiguration.Format? {
        guard let word = config["ACCESS_LOG_FORMAT"]?.string else { return nil }
        guard let format = AccessLogConfiguration.Format(rawValue: word) else {
            let known = AccessLogConfiguration.Format.allCases.map(\.rawValue).joined(separator: " or ")
            Self.exit("Cannot start the server: the config key ACCESS_LOG_FORMAT must be \(known), not '\(word)'.")
        }
        return format
    }
}
