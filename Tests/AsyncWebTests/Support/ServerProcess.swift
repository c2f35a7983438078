import AsyncWebTesting
import Foundation
import Glibc
import IOUring
import Testing

extension IOBackend {
    /// Whether the descriptors of a process (`/proc/PID/fd` links) show it doing its I/O
    /// through this backend: an io_uring instance, or epoll and no io_uring at all.
    func isInUse(amongDescriptors links: [String]) -> Bool {
        switch self {
        case .ioUring: links.contains("anon_inode:[io_uring]")
        case .epoll: links.contains("anon_inode:[eventpoll]") && !links.contains("anon_inode:[io_uring]")
        }
    }
}

/// A server executable built beside the tests (`ProbeServer`, by default), run in a process
/// of its own: what a test needs to measure a server's memory, limit its descriptors or
/// signal it. It is stopped by its PID, with SIGKILL if it is still running, when the test
/// lets it go.
final class ServerProcess: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let pid: pid_t
    private(set) var port = 0
    private let outputPath: String
    private var exitStatus: Int32?

    /// Starts `product` on a free port of 127.0.0.1 with one reactor and waits for its banner.
    ///
    /// - Parameters:
    ///   - backend: the I/O backend the server must run on (checked from its descriptors).
    ///   - chosenAutomatically: the server gets `--io auto` and must pick `backend` itself;
    ///     otherwise it gets `--io backend`.
    ///   - environment: added to this process's environment.
    ///   - descriptorLimit: the server's `RLIMIT_NOFILE`, set by the shell that execs it.
    ///   - arguments: more command-line arguments for the server (`["--cert", "adhoc"]`, say).
    ///   - launcher: a command the server runs under (`["seccomp-launcher"]`, say), or none.
    ///     The descriptors checked are `pid`'s: right when the launcher execs the server, not
    ///     under `podman run` (whose own Go netpoller shows as epoll), where the test must
    ///     check the server's PID itself.
    ///   - listeningSocket: a socket the server inherits and serves instead of binding one, as
    ///     `asyncweb run` hands it over (descriptor 3, named by `ASYNCWEB_LISTEN_FD`); the
    ///     server is ready once it names its I/O backend, since it prints no address then.
    static func start(
        _ product: String = "ProbeServer", backend: IOBackend, chosenAutomatically: Bool = false,
        environment: [String: String] = [:], descriptorLimit: Int? = nil, arguments extraArguments: [String] = [],
        launcher: [String] = [], listeningSocket: ListeningSocket? = nil
    ) throws -> ServerProcess {
        let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent(product).path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw Failure(description: "\(binary) is missing: build it first with swift build --build-tests")
        }
        let outputPath = NSTemporaryDirectory() + "asyncweb-\(product)-\(UUID().uuidString).log"
        var arguments = launcher + [
            binary, "--host", "127.0.0.1", "--port", "0", "--reactors", "1", "--io", chosenAutomatically ? "auto" : backend.rawValue,
        ] + extraArguments
        if let descriptorLimit {
            arguments = ["/bin/sh", "-c", "ulimit -n \(descriptorLimit) && exec \"$0\" \"$@\""] + arguments
        }
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { $1 }
        if listeningSocket != nil { variables["ASYNCWEB_LISTEN_FD"] = String(inheritedDescriptor) }
        let pid = try spawn(arguments, environment: variables, outputPath: outputPath, inheriting: listeningSocket?.fd)
        let process = try ServerProcess(pid: pid, outputPath: outputPath, inheritedPort: listeningSocket?.localAddress.port)
        let links = process.descriptorLinks()
        guard backend.isInUse(amongDescriptors: links) else {
            throw Failure(description: "the server does not run on \(backend); its descriptors: \(Set(links))")
        }
        return process
    }

    private init(pid: pid_t, outputPath: String, inheritedPort: Int? = nil) throws {
        self.pid = pid
        self.outputPath = outputPath
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let output = self.output
            if let inheritedPort, output.contains(" * I/O: ") {
                self.port = inheritedPort
                return
            }
            if let range = output.range(of: #"Running on https?://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                let address = output[range]
                self.port = Int(address[address.index(after: address.lastIndex(of: ":")!)...])!
                return
            }
            if !isRunning {
                // Read again: what it printed between the read above and its exit (podman's
                // one-line error, say) would be lost.
                throw Failure(description: "the server exited before it listened: \(self.output)")
            }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        throw Failure(description: "the server did not listen within 30 s: \(output)")
    }

    deinit {
        stop()
        unlink(outputPath)
    }

    /// What the server printed so far, standard output and error together.
    var output: String {
        (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// Whether the process is still running (not exited, not a zombie).
    var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        exitStatus = status
        return false
    }

    /// `GET target` on a new connection, closed after; the response, or nil if none came.
    func get(_ target: String) async throws -> RawHTTPClient.Response? {
        let port = port
        return try await onThread {
            let client = try RawHTTPClient(port: port)
            try client.send("GET \(target) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            return try client.readResponse()
        }
    }

    /// The server's resident memory, in KiB (`VmRSS`).
    var residentKiB: Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }

    /// What the server's open descriptors point at, as `/proc/PID/fd` shows them.
    func descriptorLinks() -> [String] {
        let folder = "/proc/\(pid)/fd"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\($0)") }
    }

    func signal(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits up to `timeout` for the process to exit; its wait status, or nil if it still runs.
    func waitForExit(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        return exitStatus
    }

    /// Kills the process if it still runs, and reaps it.
    func stop() {
        guard isRunning else { return }
        kill(pid, SIGKILL)
        _ = waitForExit(timeout: .seconds(10))
    }

    /// The descriptor number an inherited listening socket has in the server.
    static let inheritedDescriptor: Int32 = 3

    /// Starts a server with stdout and stderr in `outputPath`; `inheriting` becomes the
    /// child's ``inheritedDescriptor``.
    static func spawn(
        _ arguments: [String], environment: [String: String], outputPath: String, inheriting descriptor: Int32? = nil
    ) throws -> pid_t {
        // Sockets of other tests running meanwhile are not all close-on-exec: keep them out.
        try ProcessSpawner.spawn(
            arguments, environment: environment, keepingDescriptorsBelow: descriptor == nil ? 3 : inheritedDescriptor + 1
        ) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            // dup2 leaves the copy open across exec, though the original is close-on-exec.
            if let descriptor { posix_spawn_file_actions_adddup2(&actions, descriptor, inheritedDescriptor) }
        }
    }
}
