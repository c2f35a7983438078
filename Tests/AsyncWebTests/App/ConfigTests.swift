import AsyncWeb
import AsyncWebTesting
import Foundation
import Testing

@Suite("Config and debug mode")
struct ConfigTests {
    @Test func defaultsAreFlasks() {
        let config = App("test").config
        #expect(config["SESSION_COOKIE_NAME"] == "session")
        #expect(config["MAX_FORM_MEMORY_SIZE"] == 500_000)
        #expect(config["MAX_FORM_PARTS"] == 1_000)
        #expect(config["MAX_COOKIE_SIZE"] == 4093)
        #expect(config["PERMANENT_SESSION_LIFETIME"] == .int(2_678_400))
        #expect(config["SECRET_KEY"] == JSONValue.null)
        #expect(config.maxContentLength == nil)
        #expect(!config.debug)
    }

    @Test func prefixedEnvironmentVariablesAreReadAsJSON() {
        var config = Config()
        config.fromPrefixedEnvironment(environment: [
            "FLASK_SECRET_KEY": "dev", "FLASK_DEBUG": "true", "FLASK_MAX_CONTENT_LENGTH": "1024", "OTHER_X": "1",
            "FLASK_QUOTED": "\"5\"",
        ])
        #expect(config.secretKey == "dev")
        #expect(config.debug)
        #expect(config.maxContentLength == 1024)
        #expect(config["QUOTED"] == "5")
        #expect(config["X"] == nil)
    }

    @Test func jsonFilesLoadTheirUpperCaseKeys() throws {
        let path = NSTemporaryDirectory() + "asyncweb-config-\(UUID().uuidString).json"
        try Data(#"{"SECRET_KEY": "from-file", "MAX_FORM_PARTS": 10, "lower": 1, "TRUSTED_HOSTS": ["a", "b"]}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        var config = Config()
        try config.fromJSONFile(path)
        #expect(config.secretKey == "from-file")
        #expect(config.maxFormParts == 10)
        #expect(config["lower"] == nil)
        #expect(config["TRUSTED_HOSTS"] == ["a", "b"])
    }

    @Test func environmentVariablesAreReadAsPythonsJSONLoadsReadsThem() {
        var config = Config()
        config.fromPrefixedEnvironment(environment: [
            "FLASK_HOSTS": #"["a", "b"]"#, "FLASK_LIMITS": #"{"n": 1.0}"#, "FLASK_NOT_JSON": "007", "FLASK_ESCAPED": #""a\u00e9""#,
        ])
        #expect(config["HOSTS"] == ["a", "b"])
        #expect(config["LIMITS"] == ["n": 1.0])
        #expect(config["NOT_JSON"] == "007")
        #expect(config["ESCAPED"] == "aé")
    }

    @Test func aConfigFileMustHoldAnObject() throws {
        let path = NSTemporaryDirectory() + "asyncweb-config-\(UUID().uuidString).json"
        try Data("[1]".utf8).write(to: URL(fileURLWithPath: path))
        var config = Config()
        #expect(throws: (any Error).self) { try config.fromJSONFile(path) }
    }

    @Test func templatesSeeTheConfigAsADictionary() throws {
        let app = App("test")
        app.config["HOSTS"] = ["a", "b"]
        #expect(try app.renderTemplateString("{{ config.HOSTS|join(',') }} {{ config.SECRET_KEY }} {{ config.MAX_COOKIE_SIZE + 1 }}")
            == "a,b None 4094")
    }

    @Test func debugModeShowsWhatFailed() async throws {
        struct DatabaseUnreachable: Error { let host: String }
        let app = App("test")
        app.get("/boom") { () throws -> String in throw DatabaseUnreachable(host: "db.internal") }
        let quiet = try await TestClient(app).get("/boom")
        #expect(quiet.status == 500 && !quiet.text.contains("db.internal"))

        let debugging = App("test")
        debugging.debug = true
        debugging.get("/boom") { () throws -> String in throw DatabaseUnreachable(host: "db.internal") }
        let rich = try await TestClient(debugging).get("/boom")
        #expect(rich.status == 500)
        #expect(rich.text.contains("DatabaseUnreachable") && rich.text.contains("db.internal"))
    }

    @Test func currentAppConfigIsReadableInHandlers() async throws {
        let app = App("test")
        app.config["GREETING"] = "hi"
        app.get("/") { currentApp.config["GREETING"]?.string ?? "none" }
        #expect(try await TestClient(app).get("/").text == "hi")
    }
}
