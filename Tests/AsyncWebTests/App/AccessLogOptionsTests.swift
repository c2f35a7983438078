import Testing
@testable import AsyncWeb

/// Which access log `app.run()` serves with: on by default, as Flask's development server
/// logs every request; the flags decide first, then the config keys, then the configuration.
@Suite("Access log: app.run()'s flags and config keys")
struct AccessLogOptionsTests {
    static func accessLog(
        _ arguments: [String], config: [String: JSONValue] = [:], given: AccessLogConfiguration? = nil
    ) throws -> AccessLogConfiguration? {
        let app = App("options")
        for (key, value) in config { app.config[key] = value }
        return app.accessLog(given, options: try AccessLogOptions.parse(arguments))
    }

    @Test func onByDefaultInWerkzeugsFormatOnStandardError() throws {
        #expect(try Self.accessLog([]) == AccessLogConfiguration(format: .werkzeug, destination: .standardError))
    }

    @Test func offByFlagOrConfigKey() throws {
        #expect(try Self.accessLog(["--no-access-log"]) == nil)
        #expect(try Self.accessLog([], config: ["ACCESS_LOG": false]) == nil)
        #expect(try Self.accessLog(["--no-access-log"], given: AccessLogConfiguration()) == nil)
    }

    @Test func theFlagOverridesTheConfigKey() throws {
        #expect(try Self.accessLog(["--access-log"], config: ["ACCESS_LOG": false]) != nil)
    }

    @Test func formatAndFileByFlags() throws {
        let log = try Self.accessLog(["--access-log-format", "combined", "--access-log-file", "/var/log/app.log"])
        #expect(log == AccessLogConfiguration(format: .combined, destination: .file("/var/log/app.log")))
    }

    @Test func formatAndFileByConfigKeys() throws {
        let log = try Self.accessLog([], config: ["ACCESS_LOG_FORMAT": "combined", "ACCESS_LOG_FILE": "access.log"])
        #expect(log == AccessLogConfiguration(format: .combined, destination: .file("access.log")))
    }

    @Test func flagsOverrideConfigKeysWhichOverrideTheConfiguration() throws {
        let given = AccessLogConfiguration(format: .werkzeug, destination: .file("given.log"), colors: false)
        #expect(try Self.accessLog([], given: given) == given)
        let log = try Self.accessLog(
            ["--access-log-file", "flag.log"], config: ["ACCESS_LOG_FORMAT": "combined", "ACCESS_LOG_FILE": "key.log"], given: given)
        #expect(log == AccessLogConfiguration(format: .combined, destination: .file("flag.log"), colors: false))
    }

    @Test func anUnknownFormatFlagIsRefused() {
        #expect(throws: (any Error).self) { try AccessLogOptions.parse(["--access-log-format", "apache"]) }
    }
}
