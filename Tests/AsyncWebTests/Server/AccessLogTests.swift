import AsyncWeb
import AsyncWebTesting
import Foundation
import Glibc
import IOUring
import Testing

/// The server's access log (``ServerConfiguration/accessLog``), in the test's process: when
/// lines are written, what they count, and when they are coloured.
@Suite("Access log: the server")
struct AccessLogTests {
    static func temporaryPath() -> String {
        NSTemporaryDirectory() + "asyncweb-access-\(UUID().uuidString).log"
    }

    /// `GET` each target on one keep-alive connection, waiting for each answer.
    static func get(_ targets: [String], port: Int, method: String = "GET") async throws {
        try await onThread {
            let client = try RawHTTPClient(port: port)
            for target in targets {
                try client.send("\(method) \(target) HTTP/1.1\r\nHost: test\r\n\r\n")
                _ = try client.readResponse(forHead: method == "HEAD")
            }
        }
    }

    /// What arrives on `descriptor` until `done` holds or 10 seconds pass.
    static func read(_ descriptor: Int32, until done: @escaping @Sendable (String) -> Bool) async throws -> String {
        try await onThread {
            var text = ""
            let deadline = ContinuousClock.now + .seconds(10)
            while !done(text) && ContinuousClock.now < deadline {
                var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&ready, 1, 100) > 0 else { continue }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = Glibc.read(descriptor, &chunk, chunk.count)
                if count > 0 { text += String(decoding: chunk[..<count], as: UTF8.self) }
            }
            return text
        }
    }

    /// A FIFO to name as the log file, and its reading end, opened first so that the
    /// server's open for writing does not wait for a reader.
    static func namedPipe() throws -> (path: String, reader: Int32) {
        let path = temporaryPath()
        try #require(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        return (path, reader)
    }

    /// A new pseudo-terminal: its master side, and the path of the terminal itself. (glibc's
    /// calls for it, which Swift's Glibc module does not declare.)
    static func openPseudoTerminal() throws -> (master: Int32, path: String) {
        func function<Function>(_ name: String, as type: Function.Type) throws -> Function {
            let symbol = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), name), "glibc has no \(name)")
            return unsafeBitCast(symbol, to: type)
        }
        let open = try function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
        let grant = try function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
        let unlock = try function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
        let name = try function("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32).self)
        let master = open(O_RDWR | O_NOCTTY)
        try #require(master >= 0 && grant(master) == 0 && unlock(master) == 0)
        var path = [CChar](repeating: 0, count: 128)
        try #require(name(master, &path, path.count) == 0)
        return (master, String(cString: path))
    }

    @Test func aBareServerLogsNoRequests() {
        #expect(ServerConfiguration().accessLog == nil)
    }

    /// Lines wait for their batch; a graceful shutdown writes them all the same.
    @Test(arguments: IOBackend.allCases)
    func linesStillWaitingAreWrittenAtShutdown(io: IOBackend) async throws {
        let path = Self.temporaryPath()
        defer { unlink(path) }
        var configuration = ServerConfiguration()
        configuration.accessLog = AccessLogConfiguration(destination: .file(path), batchInterval: .seconds(3600))
        let server = try await LiveServer.start(ClosureResponder { _ in Response(body: "ok") }, configuration: configuration, io: io)
        try await Self.get(["/one", "/two", "/three"], port: server.port)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "", "the batch waits its hour")
        try await server.stop()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        for (line, target) in zip(lines, ["/one", "/two", "/three"]) {
            #expect(line.wholeMatch(of: #/127\.0\.0\.1 - - \[\d\d/\w\w\w/\d{4} \d\d:\d\d:\d\d\] "GET (\S+) HTTP/1\.1" 200 -/#)?.1 == Substring(target))
        }
    }

    /// The combined format counts the body bytes sent: a stream's as it went, none for HEAD.
    @Test func combinedLinesCountTheBodyBytesSent() async throws {
        let path = Self.temporaryPath()
        defer { unlink(path) }
        var configuration = ServerConfiguration()
        configuration.accessLog = AccessLogConfiguration(format: .combined, destination: .file(path))
        let server = try await LiveServer.start(ClosureResponder { request in
            guard request.path == "/stream" else { return Response(body: "twelve bytes") }
            return Response(body: ResponseBody(stream: GeneratedChunks(count: 3, size: 1000)))
        }, configuration: configuration)
        try await Self.get(["/fixed", "/stream"], port: server.port)
        try await Self.get(["/fixed"], port: server.port, method: "HEAD")
        try await server.stop()
        // By request line: the HEAD came on a connection of its own, maybe on another reactor,
        // whose lines may come first in a batch.
        var sizes: [String: String] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            if let match = line.firstMatch(of: #/"(\w+ \S+) HTTP/1\.1" 200 (\S+) "-" "-" \d+$/#) {
                sizes[String(match.1)] = String(match.2)
            }
        }
        #expect(sizes == ["GET /fixed": "12", "GET /stream": "3000", "HEAD /fixed": "-"])
    }

    /// Werkzeug colours lines on a terminal: a log file that is a terminal gets them.
    @Test func linesAreColouredOnATerminal() async throws {
        let (master, terminalPath) = try Self.openPseudoTerminal()
        defer { close(master) }
        var configuration = ServerConfiguration()
        configuration.accessLog = AccessLogConfiguration(destination: .file(terminalPath))
        let server = try await LiveServer.start(ClosureResponder { _ in Response(status: .notFound) }, configuration: configuration)
        try await Self.get(["/missing"], port: server.port)
        let text = try await Self.read(master) { $0.contains(" 404 -") }
        try await server.stop()
        #expect(text.contains("\"\u{1B}[33mGET /missing HTTP/1.1\u{1B}[0m\" 404 -"), "\(text)")
    }

    /// Anything else gets no escape codes: here a pipe (a FIFO named as the log file).
    @Test func linesArePlainInAPipe() async throws {
        let (path, reader) = try Self.namedPipe()
        defer { close(reader); unlink(path) }
        var configuration = ServerConfiguration()
        configuration.accessLog = AccessLogConfiguration(destination: .file(path))
        let server = try await LiveServer.start(ClosureResponder { _ in Response(status: .notFound) }, configuration: configuration)
        try await Self.get(["/missing"], port: server.port)
        let text = try await Self.read(reader) { $0.contains(" 404 -") }
        try await server.stop()
        #expect(text.contains("\"GET /missing HTTP/1.1\" 404 -"), "\(text)")
        #expect(!text.contains("\u{1B}"))
    }

    /// A destination that stops taking lines (a pipe nobody reads) holds shutdown up for
    /// ``AccessLog/stopTimeout`` (2 s) at most, rather than for ever.
    @Test func aDestinationThatStopsTakingLinesDoesNotHoldUpShutdown() async throws {
        let (path, reader) = try Self.namedPipe()
        defer { close(reader); unlink(path) }
        var configuration = ServerConfiguration()
        configuration.accessLog = AccessLogConfiguration(destination: .file(path))
        let server = try await LiveServer.start(ClosureResponder { _ in Response() }, configuration: configuration)
        // About 120 KB of lines, more than the pipe's 64 KiB: the log's thread blocks in write(2).
        try await Self.get(Array(repeating: "/", count: 2_000), port: server.port)
        let stopped = Task { try await server.stop() }
        let outcome = await Self.firstOf(stopped, orAfter: .seconds(30))
        #expect(outcome == .finished, "shutdown waited for a pipe nobody reads")
    }

    enum Outcome { case finished, timedOut }

    /// Whether `task` finished within `limit`; a task that hangs is left behind, so the test
    /// fails instead of hanging with it.
    static func firstOf(_ task: Task<Void, any Error>, orAfter limit: Duration) async -> Outcome {
        let first = AsyncStream<Outcome>.makeStream()
        Task { _ = await task.result; first.continuation.yield(.finished) }
        Task { try? await Task.sleep(for: limit); first.continuation.yield(.timedOut) }
        for await outcome in first.stream { return outcome }
        return .timedOut
    }

    @Test func aLogFileThatCannotBeOpenedStopsTheStart() async throws {
        var configuration = ServerConfiguration()
        configuration.accessLog = AccessLogConfiguration(destination: .file("/nonexistent-folder/access.log"))
        await #expect(throws: InvalidServerConfiguration.self) {
            _ = try await LiveServer.start(ClosureResponder { _ in Response() }, configuration: configuration)
        }
    }
}
