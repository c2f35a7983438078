@testable import AsyncWeb
@testable import AsyncWebTesting
import Foundation
import Glibc
import IOUring
import QuickstartApp
import Testing
import TestSupport

/// Session cookies against Flask 3.1's `SecureCookieSessionInterface`: for a fixed signing
/// time we must write Flask's bytes, and each side must read what the other wrote.
@Suite("Session cookies, byte for byte with Flask")
struct SessionCookieInteropTests {
    /// One session, written once for each side: a Python expression Flask evaluates, and the
    /// same session as a Swift literal.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let python: String
        let swift: SessionValue
        /// What a lossy session opens to (dates keep whole seconds); nil when it is `swift`.
        var readsBack: SessionValue? = nil
        var testDescription: String { name }
    }

    static let secretKey = "test-secret"
    static let timestamp = 1_700_000_000

    static let cases: [Case] = [
        Case(name: "the issue's vector", python: #"{"user": "alice", "n": 1}"#, swift: ["user": "alice", "n": 1]),
        Case(name: "empty", python: "{}", swift: [:]),
        Case(name: "empty values", python: #"{"": "", "list": [], "dict": {}, "tuple": ()}"#,
             swift: ["": "", "list": [], "dict": [:], "tuple": .tuple([])]),
        Case(
            name: "floats in Python's repr",
            python: #"{"one": 1.0, "tiny": 1e-7, "big": 1e16, "under big": 1e15, "zero": -0.0, "sum": 0.1 + 0.2,"#
                + #" "edge": 1e-4, "below edge": 1e-5, "min": 5e-324, "max": 1.7976931348623157e308, "big int-ish": 123456789012345680.0}"#,
            swift: [
                "one": 1.0, "tiny": 1e-7, "big": 1e16, "under big": 1e15, "zero": -0.0, "sum": .double(0.1 + 0.2),
                "edge": 1e-4, "below edge": 1e-5, "min": .double(.leastNonzeroMagnitude), "max": 1.7976931348623157e308, "big int-ish": 123456789012345680.0,
            ]),
        Case(name: "infinities", python: #"{"inf": float("inf"), "-inf": float("-inf")}"#,
             swift: ["inf": .double(.infinity), "-inf": .double(-.infinity)]),
        Case(name: "64-bit integers", python: #"{"max": 2**63 - 1, "min": -2**63, "zero": 0, "negative": -42}"#,
             swift: ["max": .int(.max), "min": .int(.min), "zero": 0, "negative": -42]),
        Case(name: "integers past 64 bits", python: #"{"big": 2**64, "negative": -2**70, "huge": [10**40]}"#,
             swift: ["big": .largeInteger("18446744073709551616"), "negative": .largeInteger("-1180591620717411303424"),
                     "huge": [.largeInteger("10000000000000000000000000000000000000000")]]),
        Case(name: "bools and None", python: #"{"yes": True, "no": False, "nothing": None}"#,
             swift: ["yes": true, "no": false, "nothing": nil]),
        Case(
            name: "nested dicts and lists",
            python: #"{"user": {"name": "alice", "roles": ["admin", "dev"], "prefs": {"theme": "dark", "deep": [1, [2, [3, {"z": None}]]]}}}"#,
            swift: ["user": ["name": "alice", "roles": ["admin", "dev"], "prefs": ["theme": "dark", "deep": [1, [2, [3, ["z": nil]]]]]]]),
        Case(name: "non-ASCII text", python: #"{"text": "café 😀 中文 Zoë", "ключ": "значение", "e\u0301": "decomposed"}"#,
             swift: ["text": "café 😀 中文 Zoë", "ключ": "значение", "e\u{301}": "decomposed"]),
        Case(name: "control characters", python: #"{"controls": "\x00\x01\x1f\x7f\n\t\r\b\f\x85\u2028\u2029"}"#,
             swift: ["controls": "\u{0}\u{1}\u{1F}\u{7F}\n\t\r\u{8}\u{C}\u{85}\u{2028}\u{2029}"]),
        Case(name: "quotes, backslashes and </script>", python: #"{"html": "</script><b title=\"it's\">a\\b</b>", "\"key\\": "'"}"#,
             swift: ["html": #"</script><b title="it's">a\b</b>"#, #""key\"#: "'"]),
        Case(
            name: "tuples (\" t\")", python: #"{"pair": (1, "two"), "single": (None,), "nested": ((1, 2), [3, (4,)])}"#,
            swift: ["pair": .tuple([1, "two"]), "single": .tuple([nil]), "nested": .tuple([.tuple([1, 2]), [3, .tuple([4])]])]),
        Case(
            name: "bytes (\" b\"), not UTF-8 too", python: #"{"raw": b"\x00\xff\xfe\x80 binary", "empty": b"", "text": b"hello?>"}"#,
            swift: ["raw": .bytes([0x00, 0xFF, 0xFE, 0x80] + Array(" binary".utf8)), "empty": .bytes([]), "text": .bytes(Array("hello?>".utf8))]),
        Case(name: "Markup (\" m\")", python: #"{"html": Markup("<em>safe</em> &amp; \"sound\"")}"#,
             swift: ["html": .markup(Markup(#"<em>safe</em> &amp; "sound""#))]),
        Case(name: "UUID (\" u\")", python: #"{"id": UUID("1b4e28ba-2fa1-11d2-883f-0016d3cca427")}"#,
             swift: ["id": .uuid(UUID(uuidString: "1B4E28BA-2FA1-11D2-883F-0016D3CCA427")!)]),
        Case(name: "datetime (\" d\")", python: "{\"at\": datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)}",
             swift: ["at": .date(Date(timeIntervalSince1970: 1_700_000_000))]),
        // The " d" tag is an HTTP date: fractions of a second are dropped on the way out.
        Case(
            name: "datetimes with fractions, before and after 1970",
            python: "{\"after\": datetime(2023, 11, 14, 22, 13, 20, 750000, tzinfo=timezone.utc),"
                + " \"before\": datetime(1969, 7, 20, 20, 17, 40, 500000, tzinfo=timezone.utc)}",
            swift: ["after": .date(Date(timeIntervalSince1970: 1_700_000_000.75)), "before": .date(Date(timeIntervalSince1970: -14_182_939.5))],
            readsBack: ["after": .date(Date(timeIntervalSince1970: 1_700_000_000)), "before": .date(Date(timeIntervalSince1970: -14_182_940))]),
        // A one-key dict whose key is a tag would read back as that tag: Flask escapes it as " di".
        Case(name: "a tag as the only key", python: #"{" t": 1}"#, swift: [" t": 1]),
        Case(name: "tags as keys, nested", python: #"{"a": {" di": {" b": "x"}}, "b": {" t": 1, " b": 2}, "c": {" x": 1}}"#,
             swift: ["a": [" di": [" b": "x"]], "b": [" t": 1, " b": 2], "c": [" x": 1]]),
        // Python sorts keys by code point: uppercase before "_" before lowercase, U+FFFF before emoji.
        Case(
            name: "keys in an order sorting changes",
            python: #"{"b": 1, "a": 2, "B": 3, "_": 4, "10": 5, "9": 6, "é": 7, "\uffff": 8, "😀": 9, "ab": 10, "a b": 11}"#,
            swift: ["b": 1, "a": 2, "B": 3, "_": 4, "10": 5, "9": 6, "é": 7, "\u{FFFF}": 8, "😀": 9, "ab": 10, "a b": 11]),
        Case(name: "a typical Flask session", python: #"{"_permanent": True, "_flashes": [("message", "Hi"), ("warning", "Careful")], "csrf_token": "abc"}"#,
             swift: ["_permanent": true, "_flashes": [.tuple(["message", "Hi"]), .tuple(["warning", "Careful"])], "csrf_token": "abc"]),
        // zlib saving exactly one byte does not pay for the "." marker; saving two does.
        Case(name: "one byte short of compressing", python: #"{"s": "x" * 11}"#, swift: ["s": .string(String(repeating: "x", count: 11))]),
        Case(name: "just compressing", python: #"{"s": "x" * 12}"#, swift: ["s": .string(String(repeating: "x", count: 12))]),
        Case(name: "large and repetitive", python: #"{"_flashes": [("message", "x" * 3000)], "username": "alice"}"#,
             swift: ["_flashes": [.tuple(["message", .string(String(repeating: "x", count: 3000))])], "username": "alice"]),
        Case(
            name: "many small records", python: #"{"items": [{"id": i, "name": "item %d" % (i % 7)} for i in range(200)]}"#,
            swift: ["items": .list((0..<200).map { ["id": .int($0), "name": .string("item \($0 % 7)")] })]),
        Case(
            name: "bytes that hardly compress", python: #"{"blob": bytes((i * 7919 + 13) % 251 for i in range(600))}"#,
            swift: ["blob": .bytes((0..<600).map { UInt8(($0 * 7919 + 13) % 251) })]),
    ]

    /// What Flask made of one case in the shared Python run.
    struct FlaskAnswer: Decodable {
        /// Flask's cookie for the session at the fixed time.
        let cookie: String
        /// Whether Flask reads our cookie back as it reads its own.
        let readsOurs: Bool
        /// What Flask read from our cookie, for failure messages.
        let ours: String
    }

    static func ourCookie(for session: SessionValue) throws -> String {
        var config = Config()
        config["SECRET_KEY"] = .string(secretKey)
        let store = try #require(CookieSessionStore(config: config))
        return store.cookieValue(try #require(session.dictionary), timestamp: timestamp)
    }

    /// All cases in one Python run: Flask's cookie for each, and whether Flask reads ours.
    static let flask: Result<[String: FlaskAnswer], any Error> = Result {
        let script = """
            import json, sys
            from datetime import datetime, timezone
            from uuid import UUID
            from flask import Flask
            from markupsafe import Markup
            from itsdangerous import TimestampSigner
            app = Flask(__name__)
            app.secret_key = sys.argv[1]
            serializer = app.session_interface.get_signing_serializer(app)
            # The serializer makes a signer per call from this class: pin its clock there.
            class PinnedClock(TimestampSigner):
                def get_timestamp(self):
                    return int(sys.argv[2])
            serializer.signer = PinnedClock
            def loads(cookie):
                try:
                    return serializer.loads(cookie, max_age=None)
                except Exception as error:
                    return error
            answers = {}
            # Flask's JSON sorts keys only with an app context, as when a request saves the session.
            with app.app_context():
                for case in json.loads(sys.argv[3]):
                    cookie = serializer.dumps(eval(case["python"]))
                    # Flask's own round trip is the reference: it is lossy for dates.
                    ours = loads(case["ours"])
                    answers[case["name"]] = {"cookie": cookie, "readsOurs": ours == loads(cookie), "ours": repr(ours)}
            print(json.dumps(answers))
            """
        let input = try cases.map { ["name": $0.name, "python": $0.python, "ours": try ourCookie(for: $0.swift)] }
        let output = try PythonOracle.run(script, arguments: [
            secretKey, String(timestamp), String(decoding: try JSONEncoder().encode(input), as: UTF8.self),
        ])
        return try JSONDecoder().decode([String: FlaskAnswer].self, from: output)
    }

    static func flaskAnswer(_ session: Case) throws -> FlaskAnswer {
        try #require(try flask.get()[session.name])
    }

    @Test func issueVectorIsFlasks() throws {
        let expected = "eyJuIjoxLCJ1c2VyIjoiYWxpY2UifQ.ZVPxAA.Wi7ReJ20yYF2hKOPodlJGwbn1nE"
        #expect(try Self.ourCookie(for: ["user": "alice", "n": 1]) == expected)
        #expect(try Self.flaskAnswer(Self.cases[0]).cookie == expected)
    }

    @Test(arguments: cases)
    func cookieIsFlasksByteForByte(_ session: Case) throws {
        let flask = try Self.flaskAnswer(session)
        let ours = try Self.ourCookie(for: session.swift)
        #expect(ours == flask.cookie, "payload ours: \(Self.json(ours)) Flask's: \(Self.json(flask.cookie))")
    }

    @Test(arguments: cases)
    func flaskReadsOurCookie(_ session: Case) throws {
        let flask = try Self.flaskAnswer(session)
        #expect(flask.readsOurs, "Flask read \(flask.ours)")
    }

    @Test(arguments: cases)
    func flasksCookieOpensHere(_ session: Case) throws {
        let cookie = try Self.flaskAnswer(session).cookie
        var config = Config()
        config["SECRET_KEY"] = .string(Self.secretKey)
        // The cookies are signed at a fixed time long past: a lifetime of 100 years keeps them fresh.
        config["PERMANENT_SESSION_LIFETIME"] = .int(100 * 365 * 24 * 3600)
        let store = try #require(CookieSessionStore(config: config))
        let opened = store.open(try Request(headers: ["Cookie": "session=" + cookie]))
        #expect(SessionValue.dictionary(opened) == session.readsBack ?? session.swift)
    }

    /// A cookie's JSON, to show where two cookies differ.
    static func json(_ cookie: String) -> String {
        let payload = cookie.split(separator: ".", omittingEmptySubsequences: false).dropLast(2).joined(separator: ".")
        return SessionPayload.decode(payload).map { String(decoding: $0, as: UTF8.self) } ?? "<not a payload>"
    }
}

/// The Quickstart app on a live server and the Flask oracle app as a real process, cookies
/// carried from one to the other: a user can move between the two without logging in again.
@Suite("Session cookies between a live Flask and AsyncWeb")
struct LiveSessionInteropTests {
    @Test(arguments: IOBackend.allCases)
    func flasksLoginCookieLogsInHere(io: IOBackend) async throws {
        try await withBothServers(io: io) { flask, ours in
            let login = try await post(port: flask, "/login", form: "username=alice")
            #expect(login.status == 302)
            let cookie = try #require(sessionCookie(login))
            #expect(try await get(port: ours, "/session", cookie: cookie).text == "Logged in as alice")
        }
    }

    @Test(arguments: IOBackend.allCases)
    func ourLoginCookieLogsInOnFlask(io: IOBackend) async throws {
        try await withBothServers(io: io) { flask, ours in
            let login = try await post(port: ours, "/login", form: "username=bob")
            #expect(login.status == 302)
            let cookie = try #require(sessionCookie(login))
            #expect(try await get(port: flask, "/session", cookie: cookie).text == "Logged in as bob")
        }
    }

    @Test(arguments: IOBackend.allCases)
    func flashedMessagesCrossBothWays(io: IOBackend) async throws {
        try await withBothServers(io: io) { flask, ours in
            for (flasher, shower) in [(flask, ours), (ours, flask)] {
                let flashed = try await get(port: flasher, "/flash")
                let cookie = try #require(sessionCookie(flashed))
                let shown = try await get(port: shower, "/flash-show", cookie: cookie)
                #expect(shown.text == "message:You were successfully logged in|warning:Second message")
                // Reading the flashes empties the session, so the cookie is deleted.
                let deletion = try #require(shown.headers.first { $0.name.lowercased() == "set-cookie" }?.value)
                #expect(deletion.hasPrefix("session=;") && deletion.contains("Max-Age=0"), "\(deletion)")
            }
        }
    }

    @Test(arguments: IOBackend.allCases)
    func cookieSignedWithAnotherKeyLogsInNowhere(io: IOBackend) async throws {
        let script = """
            import sys
            from flask import Flask
            app = Flask(__name__)
            app.secret_key = "other"
            sys.stdout.write(app.session_interface.get_signing_serializer(app).dumps({"username": "mallory"}))
            """
        let forged = String(decoding: try PythonOracle.run(script), as: UTF8.self)
        try await withBothServers(io: io) { flask, ours in
            let onFlask = try await get(port: flask, "/session", cookie: forged)
            let onOurs = try await get(port: ours, "/session", cookie: forged)
            #expect(onFlask.text == "You are not logged in")
            #expect(onOurs.text == "You are not logged in")
        }
    }

    /// Runs `body` with the Flask oracle (`python3 flask_quickstart.py PORT`) and our
    /// Quickstart app both listening, and stops both however `body` ends.
    func withBothServers(io: IOBackend, _ body: (_ flask: Int, _ ours: Int) async throws -> Void) async throws {
        let flask = try await FlaskOracleServer.start()
        defer { flask.stop() }
        let ours = try await LiveServer.start(makeQuickstartApp(), io: io)
        do {
            try await body(flask.port, ours.port)
        } catch {
            try await ours.stop()
            throw error
        }
        try await ours.stop()
    }

    func get(port: Int, _ target: String, cookie: String? = nil) async throws -> RawHTTPClient.Response {
        try await send(port: port, "GET \(target)", headers: cookie.map { ["Cookie: session=" + $0] } ?? [])
    }

    func post(port: Int, _ target: String, form: String) async throws -> RawHTTPClient.Response {
        try await send(
            port: port, "POST \(target)",
            headers: ["Content-Type: application/x-www-form-urlencoded", "Content-Length: \(form.utf8.count)"], body: form)
    }

    /// One request on a fresh connection, as a browser without a cookie jar would send it;
    /// redirects are returned, not followed.
    func send(port: Int, _ requestLine: String, headers: [String], body: String = "") async throws -> RawHTTPClient.Response {
        let request = ([requestLine + " HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"] + headers)
            .joined(separator: "\r\n") + "\r\n\r\n" + body
        let response = try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send(request)
            return try client.readResponse()
        }
        return try #require(response, "\(requestLine) on port \(port): closed without an answer")
    }

    /// The value of the `session` cookie a response sets.
    func sessionCookie(_ response: RawHTTPClient.Response) -> String? {
        let field = response.headers.first { $0.name.lowercased() == "set-cookie" && $0.value.hasPrefix("session=") }?.value
        return field.map { String($0.dropFirst("session=".count).prefix { $0 != ";" }) }
    }
}

/// `flask_quickstart.py` served by Werkzeug's development server in a process of its own.
private struct FlaskOracleServer {
    let process: Process
    let port: Int
    private let log: URL

    /// Starts the oracle on port 0 and reads the port Werkzeug bound from its banner: a port
    /// chosen here and handed over could be taken meanwhile by a live server of a test
    /// running beside this one.
    static func start() async throws -> FlaskOracleServer {
        let oracle = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("oracle/flask_quickstart.py")
        let uploads = FileManager.default.temporaryDirectory.appendingPathComponent("flask-uploads-\(UUID())")
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("flask-oracle-\(UUID()).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", oracle.path, "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(["UPLOADS": uploads.path]) { $1 }
        // Werkzeug logs its banner and every request to stderr: a file, which cannot fill up
        // as a pipe nobody reads would.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        // Importing Flask takes a moment.
        for _ in 0..<200 {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = output.range(of: #"Running on http://127\.0\.0\.1:\d+"#, options: .regularExpression),
                let port = Int(output[range].split(separator: ":").last ?? "")
            {
                return FlaskOracleServer(process: process, port: port, log: log)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        FlaskOracleServer(process: process, port: 0, log: log).stop()
        throw PythonOracle.Failure(description: "the Flask oracle did not listen within 10 s: \(output)")
    }

    /// Stops the process this server started, by its PID. SIGKILL, because the child
    /// inherits the test runner's thread signal mask, in which SIGTERM is blocked.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }
}
