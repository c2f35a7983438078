import AsyncWebTesting
import Foundation
import Glibc
import IOUring
import Synchronization
import Testing

/// `app.run()` in a process `asyncweb run` starts: it serves the listening socket the
/// supervisor keeps open (`ASYNCWEB_LISTEN_FD`), leaves the supervisor's lines out of its
/// banner, and never outlives the supervisor. Run on the ProbeServer binary, with the test
/// as the supervisor.
@Suite("Run under a supervisor")
struct SupervisedRunTests {
    static let probeServer = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("ProbeServer").path

    /// The socket as `asyncweb run` holds it: bound, listening, open for the whole test.
    static func supervisorSocket() throws -> ListeningSocket {
        try ListeningSocket(address: SocketAddress(host: "127.0.0.1", port: 0))
    }

    @Test(arguments: IOBackend.allCases)
    func theInheritedSocketIsServedByEveryReactor(backend: IOBackend) async throws {
        let socket = try Self.supervisorSocket()
        let server = try ServerProcess.start(backend: backend, arguments: ["--reactors", "2"], listeningSocket: socket)
        let port = socket.localAddress.port
        let statuses = try await onThread {
            // Held open together, so both reactors take some.
            let clients = try (0..<40).map { _ in try RawHTTPClient(port: port) }
            for client in clients { try client.send("GET / HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n") }
            return try clients.map { try $0.readResponse()?.status }
        }
        #expect(statuses == Array(repeating: 200, count: 40), "\(server.output)")
        // The supervisor printed the app's name, debug mode and address already.
        #expect(server.output.hasPrefix(" * I/O: \(backend)\n"), "\(server.output)")
        for line in [" * Serving", " * Debug mode", " * Running on"] {
            #expect(!server.output.contains(line), "\(server.output)")
        }
    }

    /// What `asyncweb run` does on every change: SIGTERM to the old process, a new one on the
    /// same socket. Clients keep connecting throughout; those that connect while no process
    /// accepts wait in the socket's queue and are answered by the new one. The two processes
    /// may do their I/O differently: epoll leaves the shared socket non-blocking.
    @Test(arguments: IOBackend.allCases, IOBackend.allCases)
    func noConnectionIsRefusedWhileTheServerRestarts(backend: IOBackend, nextBackend: IOBackend) async throws {
        let socket = try Self.supervisorSocket()
        let port = socket.localAddress.port
        let first = try ServerProcess.start(backend: backend, listeningSocket: socket)
        let clients = KeepConnecting(port: port, threads: 2)
        defer { _ = clients.stop() }
        try await clients.waitForAnswers(20)

        first.signal(SIGTERM)
        let status = first.waitForExit(timeout: .seconds(15))
        #expect(status == 0, "exit status \(String(describing: status)): \(first.output)")
        let inTheGap = try (0..<5).map { _ in try RawHTTPClient(port: port, timeout: 30) }
        for client in inTheGap { try client.send("GET / HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n") }

        let second = try ServerProcess.start(backend: nextBackend, listeningSocket: socket)
        let gapStatuses = try await onThread { try inTheGap.map { try $0.readResponse()?.status } }
        #expect(gapStatuses == [200, 200, 200, 200, 200], "\(second.output)")
        try await clients.waitForAnswers(clients.answered + 20)
        let failures = clients.stop()
        #expect(failures.isEmpty, "\(failures.count) of \(clients.answered + failures.count) requests failed: \(failures.prefix(5))")
    }

    /// Killed outright, the supervisor can stop nothing: the kernel sends the server SIGTERM.
    @Test func theServerStopsWhenTheProcessThatStartedItDies() async throws {
        let socket = try Self.supervisorSocket()
        let outputPath = NSTemporaryDirectory() + "asyncweb-orphan-\(UUID().uuidString).log"
        defer { unlink(outputPath) }
        var environment = ProcessInfo.processInfo.environment
        environment["ASYNCWEB_LISTEN_FD"] = String(ServerProcess.inheritedDescriptor)
        // A shell in between, standing for the supervisor: it starts the server and waits.
        let shell = try ServerProcess.spawn(
            ["/bin/sh", "-c", #""$@" & echo "server pid $!"; wait"#, "sh", Self.probeServer, "--reactors", "1"],
            environment: environment, outputPath: outputPath, inheriting: socket.fd)
        let output = { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
        let deadline = ContinuousClock.now + .seconds(30)
        while !output().contains(" * I/O: ") && ContinuousClock.now < deadline { usleep(20_000) }
        let printed = output()
        let pidLine = printed.split(separator: "\n").first { $0.hasPrefix("server pid ") }
        let server = try #require(pidLine.flatMap { pid_t($0.dropFirst("server pid ".count)) }, "\(printed)")
        let response = try await onThread { () -> Int? in
            let client = try RawHTTPClient(port: socket.localAddress.port)
            try client.send("GET / HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n")
            return try client.readResponse()?.status
        }
        #expect(response == 200, "\(printed)")

        kill(shell, SIGKILL)
        var status: Int32 = 0
        waitpid(shell, &status, 0)
        let stopped = Self.waitUntilGone(server, timeout: .seconds(15))
        if !stopped { kill(server, SIGKILL) }
        #expect(stopped, "the server outlived its parent: \(output())")
    }

    /// A supervisor that died before the server asked to stop with it is no longer its
    /// parent: the server does not start, rather than serve for ever with nobody to stop it.
    @Test func aSupervisorThatDiedBeforeTheServerStartedIsNoticed() throws {
        let socket = try Self.supervisorSocket()
        // The test is the parent; the PID given is another process's, as a dead supervisor's would be.
        var environment = ProcessInfo.processInfo.environment
        environment["ASYNCWEB_LISTEN_FD"] = String(ServerProcess.inheritedDescriptor)
        environment["ASYNCWEB_SUPERVISOR_PID"] = "1"
        let outputPath = NSTemporaryDirectory() + "asyncweb-adopted-\(UUID().uuidString).log"
        defer { unlink(outputPath) }
        let server = try ServerProcess.spawn([Self.probeServer], environment: environment, outputPath: outputPath, inheriting: socket.fd)
        let exited = Self.waitUntilGone(server, timeout: .seconds(30))
        if !exited { kill(server, SIGKILL) }
        var status: Int32 = 0
        waitpid(server, &status, 0)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        #expect(exited && status >> 8 == 1, "\(output)")
        #expect(output == "Not starting the server: the process that started it (PID 1) has exited.\n")
    }

    @Test(arguments: [
        ("abc", "Cannot start the server: ASYNCWEB_LISTEN_FD must be the number of an inherited listening socket, not 'abc'."),
        ("0", "Cannot start the server: ASYNCWEB_LISTEN_FD=0, but descriptor 0 is not a socket."),
        ("999999", "Cannot start the server: ASYNCWEB_LISTEN_FD=999999, but descriptor 999999 is not open."),
    ])
    func aListenDescriptorThatCannotBeServedIsOneLineAndStatus1(value: String, line: String) throws {
        let finished = try ExternalTool.run([Self.probeServer], timeout: .seconds(30), environment: ["ASYNCWEB_LISTEN_FD": value])
        #expect(!finished.timedOut && finished.status == 1, "\(finished)")
        #expect(finished.errors == line + "\n", "\(finished)")
        #expect(finished.output.isEmpty, "\(finished)")
    }

    /// Whether `pid`, no child of this process, has exited (gone, or a zombie of its new parent).
    static func waitUntilGone(_ pid: pid_t, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            // The state follows the command name's closing parenthesis.
            if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return true }
            usleep(20_000)
        }
        return false
    }
}

/// Clients on threads of their own, each making one request per new connection, over and
/// over, until stopped: what a browser reloading a page during a restart does.
final class KeepConnecting: Sendable {
    private let port: Int
    private let state = Mutex((answered: 0, failures: [String](), stopped: false))
    private let finished = DispatchGroup()

    init(port: Int, threads: Int) {
        self.port = port
        for _ in 0..<threads {
            finished.enter()
            Thread { [self] in
                defer { finished.leave() }
                while !state.withLock({ $0.stopped }) { requestOnce() }
            }.start()
        }
    }

    private func requestOnce() {
        let outcome: String?
        do {
            let client = try RawHTTPClient(port: port, timeout: 30)
            try client.send("GET / HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n")
            let response = try client.readResponse()
            outcome = response?.status == 200 ? nil : "answered \(response.map { "\($0.status)" } ?? "nothing")"
        } catch {
            outcome = "\(error)"
        }
        state.withLock { state in
            if let outcome { state.failures.append(outcome) } else { state.answered += 1 }
        }
    }

    var answered: Int { state.withLock { $0.answered } }

    /// Waits, for at most 30 s, until `count` requests in all have been answered.
    func waitForAnswers(_ count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while answered < count {
            guard ContinuousClock.now < deadline else {
                throw ServerProcess.Failure(description: "only \(answered) of \(count) requests answered in 30 s")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Stops the clients; what went wrong, one line per failed request.
    func stop() -> [String] {
        state.withLock { $0.stopped = true }
        finished.wait()
        return state.withLock { $0.failures }
    }
}
