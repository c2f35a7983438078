import AsyncWebTesting
import Foundation
import Glibc
import IOUring
import Testing

/// The access log of an app served by `app.run()`, in a process of its own: on by default,
/// in Werkzeug's lines, equal to those of Werkzeug's own development server for the same
/// requests (sent to both in the same run); off and in other formats by flag.
@Suite("Access log: app.run()", .serialized)
struct AccessLogProcessTests {
    /// Requests answered alike by ProbeServer and its Flask twin, each on a connection of its
    /// own: found, missing, refused method, HEAD, a handler that throws, HTTP/1.0, an encoded
    /// target, and input that is no request (Werkzeug logs those too).
    static let requests: [[UInt8]] = [
        "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /missing?q=%C3%A9&x=%2F HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
        "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /boom HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.0\r\n\r\n",
        "GET /p/%C3%A5%2F%20x%5C?q=%C3%A8%20&a=%2F HTTP/1.1\r\nHost: x\r\n\r\n",
        "GARBAGE\r\n\r\n",
        "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/2.0\r\n\r\n",
    ].map { Array($0.utf8) } + [Array("GET /".utf8) + [UInt8](repeating: 0x61, count: 70_000) + Array(" HTTP/1.1\r\nHost: x\r\n\r\n".utf8)]

    /// ProbeServer's routes in Flask, served by Werkzeug's development server.
    static let flaskTwin = """
        import sys
        from flask import Flask
        from werkzeug.serving import make_server

        app = Flask("ProbeServer")

        @app.get("/")
        def index():
            return "<p>Hello, World!</p>"

        @app.get("/boom")
        def boom():
            raise RuntimeError("boom")

        server = make_server("127.0.0.1", 0, app)
        print(server.server_port, flush=True)
        server.serve_forever()
        """

    /// Sends each request on a new connection and waits for its answer (or the close).
    static func send(_ requests: [[UInt8]], port: Int) async throws {
        try await onThread {
            for request in requests {
                let client = try RawHTTPClient(port: port, timeout: 5)
                try? client.send(request)
                _ = try? client.readResponse(forHead: request.starts(with: Array("HEAD".utf8)))
            }
        }
    }

    /// The access-log lines of `output`, with the time (which differs between the servers)
    /// and the message of `code N, message …` (each server's own words) left out.
    static func accessLines(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("127.0.0.1 - - [") }.map { line in
            var line = String(line).replacing(#/\[\d\d/\w\w\w/\d{4} \d\d:\d\d:\d\d\]/#, with: "[time]")
            if let message = line.firstRange(of: ", message ") { line = String(line[..<message.upperBound]) + "…" }
            return line
        }
    }

    /// What Werkzeug's development server logs for `requests`.
    static func werkzeugLog(for requests: [[UInt8]]) async throws -> [String] {
        let logPath = NSTemporaryDirectory() + "werkzeug-access-\(UUID().uuidString).log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        defer { unlink(logPath) }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", flaskTwin]
        let portPipe = Pipe()
        python.standardOutput = portPipe
        python.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try python.run()
        defer {
            kill(python.processIdentifier, SIGKILL)
            python.waitUntilExit()
        }
        let portLine = try await onThread { () -> String in
            var text = ""
            while !text.contains("\n") {
                let data = portPipe.fileHandleForReading.availableData
                guard !data.isEmpty else { break }
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }
        let port = try #require(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)), "werkzeug did not start: \(portLine)")
        try await send(requests, port: port)
        return accessLines((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")
    }

    @Test(arguments: IOBackend.allCases)
    func linesEqualWerkzeugsForTheSameRequests(backend: IOBackend) async throws {
        let expected = try await Self.werkzeugLog(for: Self.requests)
        #expect(expected.count == Self.requests.count + 4, "one line a request, and code lines for the four refused")

        let server = try ServerProcess.start(backend: backend)
        try await Self.send(Self.requests, port: server.port)
        // Graceful shutdown writes what the log still holds.
        server.signal(SIGTERM)
        #expect(server.waitForExit(timeout: .seconds(20)) == 0)
        #expect(Self.accessLines(server.output) == expected, "\(server.output)")
        #expect(!server.output.contains("\u{1B}["), "no colours when standard error is no terminal")
    }

    @Test func noAccessLogFlagLogsNothing() async throws {
        let server = try ServerProcess.start(backend: .epoll, arguments: ["--no-access-log"])
        try await Self.send(Array(Self.requests.prefix(3)), port: server.port)
        server.signal(SIGTERM)
        #expect(server.waitForExit(timeout: .seconds(20)) == 0)
        #expect(Self.accessLines(server.output).isEmpty, "\(server.output)")
    }

    @Test func combinedFormatGoesToTheFileTheFlagsName() async throws {
        let logPath = NSTemporaryDirectory() + "asyncweb-access-\(UUID().uuidString).log"
        defer { unlink(logPath) }
        let server = try ServerProcess.start(
            backend: .epoll, arguments: ["--access-log-format", "combined", "--access-log-file", logPath])
        let port = server.port
        try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nReferer: http://example.com/\r\nUser-Agent: probe/1.0\r\n\r\n")
            _ = try client.readResponse()
        }
        server.signal(SIGTERM)
        #expect(server.waitForExit(timeout: .seconds(20)) == 0)
        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(log.wholeMatch(of: #/127\.0\.0\.1 - - \[\d\d/\w\w\w/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "GET / HTTP/1\.1" 200 20 "http://example\.com/" "probe/1\.0" \d+\n/#) != nil, "\(log)")
        #expect(Self.accessLines(server.output).isEmpty, "\(server.output)")
    }
}
