import ArgumentParser
import AsyncWebHTTP

/// The access-log flags of ``App/run(configuration:)``: `--no-access-log`,
/// `--access-log-format werkzeug|combined` and `--access-log-file FILE`.
struct AccessLogOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Log each request, as Flask's development server does (the default; also the config key ACCESS_LOG).")
    var accessLog: Bool?

    @Option(help: "The access log's lines: werkzeug (the default, as `flask run` prints them) or combined (Apache's and nginx's, with the duration; also ACCESS_LOG_FORMAT).")
    var accessLogFormat: AccessLogFormatOption?

    @Option(help: "Append the access log to this file instead of standard error (also ACCESS_LOG_FILE).")
    var accessLogFile: String?
}

/// `--access-log-format`'s value.
struct AccessLogFormatOption: ExpressibleByArgument {
    let format: AccessLogConfiguration.Format

    init?(argument: String) {
        guard let format = AccessLogConfiguration.Format(rawValue: argument) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { AccessLogConfiguration.Format.allCases.map(\.rawValue) }
}
