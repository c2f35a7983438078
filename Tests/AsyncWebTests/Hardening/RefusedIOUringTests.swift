import AsyncWebTesting
import Foundation
import Glibc
import IOUring
import Testing

/// io_uring refused by a real seccomp filter, not a simulated one: the kernel answers
/// `io_uring_setup` with an error, as it does in the containers that refuse io_uring.
///
/// Two such places: a filter like Docker's default profile (EPERM), put on the Quickstart
/// server by `Tests/SeccompLauncher/seccomp-launcher.c`, which runs wherever libseccomp
/// does; and a Podman container under Podman's own default profile (ENOSYS). On `--io auto`
/// the server must fall back to epoll, say why in its banner and serve; on `--io io_uring`
/// it must stop at once with one line. A missing tool fails the test, naming it: `make test`
/// installs them.
@Suite("Hardening: io_uring refused by a seccomp filter")
struct RefusedIOUringTests {
    static let quickstart = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("Quickstart").path

    /// The launcher execs the server, so `start` finds epoll in the server's own descriptors.
    @Test func underADockerLikeFilterTheServerFallsBackToEpollSaysWhyAndServes() async throws {
        let launcher = try await onThread { try SeccompLauncher.build() }
        defer { launcher.remove() }
        let server = try ServerProcess.start(
            "Quickstart", backend: .epoll, chosenAutomatically: true, launcher: [launcher.path])
        #expect(
            Banner.ioLine(server.output)?.hasPrefix("epoll (io_uring refused: EPERM by a seccomp filter") == true,
            "banner: \(server.output)")
        let status = ProcessStatus(pid: server.pid)
        #expect(status.field("Seccomp") == "2", "/proc/\(server.pid)/status: \(status.text)")
        #expect(status.field("NoNewPrivs") == "1", "/proc/\(server.pid)/status: \(status.text)")
        try await expectUserBob(from: server)
    }

    /// `--network host` lets this process reach the server on 127.0.0.1; the root file system
    /// is a folder of bind mounts (no image, so no registry); no seccomp option is given, so
    /// Podman applies its default profile, whose default action is ENOSYS.
    @Test(.disabled(if: Podman.skipRequested, Podman.skipReason))
    func inAPodmanContainerTheServerFallsBackToEpollSaysWhyAndServes() async throws {
        let container = try Podman.Container(serving: Self.quickstart)
        defer { container.remove() }
        try await onThread { try container.checkThatContainersRun() }
        // `server.pid` is podman's, not the server's: the check of descriptors in `start` sees
        // podman's own epoll (Go's netpoller). The server's are checked below, from its PID.
        let server = try ServerProcess.start(
            "Quickstart", backend: .epoll, chosenAutomatically: true, launcher: container.command)
        let banner = Banner.ioLine(server.output)
        #expect(
            banner.map { $0.hasPrefix("epoll (io_uring refused: ") && $0.contains("by a seccomp filter") } == true,
            "banner: \(server.output)")
        let pid = try await onThread { try container.serverPID() }
        let status = ProcessStatus(pid: pid)
        #expect(status.field("Seccomp") == "2", "/proc/\(pid)/status: \(status.text)")
        #expect(IOBackend.epoll.isInUse(amongDescriptors: ProcessStatus.descriptorLinks(pid: pid)))
        try await expectUserBob(from: server)
        withExtendedLifetime(server) {}
    }

    @Test func forcingIOUringUnderTheFilterExitsWithStatusOneAndOneLine() async throws {
        let launcher = try await onThread { try SeccompLauncher.build() }
        defer { launcher.remove() }
        let arguments = [Self.quickstart, "--host", "127.0.0.1", "--port", "0", "--reactors", "1", "--io", "io_uring"]
        let finished = try await onThread { try Command.run(launcher.path, arguments) }
        #expect(!finished.timedOut, "the server ran on: \(finished.output)")
        #expect(finished.status == 1, "exit status \(finished.status); stderr: \(finished.errors)")
        let lines = finished.errors.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(finished.errors)")
        #expect(lines.first.map { $0.contains("io_uring") && $0.contains("EPERM") } == true, "stderr: \(finished.errors)")
        #expect(!finished.output.contains("Running on"))
    }
}

/// `GET /user/bob` answers `User bob`, as in Flask's Quickstart.
func expectUserBob(from server: ServerProcess) async throws {
    let response = try await server.get("/user/bob")
    #expect(response?.status == 200)
    #expect(response?.text == "User bob")
}

/// A missing tool, or containers that cannot run: the test fails with this, naming it.
private struct Unavailable: Error, CustomStringConvertible {
    let description: String
}

/// The server's banner.
private enum Banner {
    /// What follows ` * I/O: `: `io_uring`, or `epoll (why io_uring was passed over)`.
    static func ioLine(_ output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(" * I/O: ") }.map { String($0.dropFirst(8)) }
    }
}

/// `/proc/PID/status` of a process, read once.
private struct ProcessStatus {
    let text: String

    init(pid: pid_t) {
        text = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    }

    /// The value of a field: `Seccomp` (2 when a filter is installed), `NoNewPrivs`.
    func field(_ name: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("\(name):") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    /// What the process's descriptors point at, as `/proc/PID/fd` shows them.
    static func descriptorLinks(pid: pid_t) -> [String] {
        let folder = "/proc/\(pid)/fd"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\($0)") }
    }
}

/// A short-lived program, run to its end with its output in files (not pipes, which a
/// process it leaves behind could hold open); killed if it outlives `timeout`.
private enum Command {
    struct Finished {
        let status: Int32
        let timedOut: Bool
        let output: String
        let errors: String
    }

    static func run(_ executable: String, _ arguments: [String], timeout: Duration = .seconds(30)) throws -> Finished {
        let folder = try temporaryFolder("asyncweb-command")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outputPath = folder + "/stdout"
        let errorsPath = folder + "/stderr"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return Finished(
            status: process.terminationStatus, timedOut: timedOut,
            output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? "")
    }

    /// The full path of `name` in `PATH` or an sbin folder (where runc may be), or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let folders = path.split(separator: ":").map(String.init) + ["/usr/local/sbin", "/usr/sbin", "/sbin"]
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A new, empty folder of its own in the temporary folder.
    static func temporaryFolder(_ prefix: String) throws -> String {
        let folder = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// `Tests/SeccompLauncher/seccomp-launcher.c`, compiled with `cc` and libseccomp into a
/// folder of its own, for one test.
private struct SeccompLauncher {
    static let source = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Hardening/
        .deletingLastPathComponent()  // AsyncWebTests/
        .deletingLastPathComponent()  // Tests/
        .appendingPathComponent("SeccompLauncher/seccomp-launcher.c")

    let path: String

    static func build() throws -> SeccompLauncher {
        guard let compiler = Command.find("cc") else {
            throw Unavailable(description: "cc is not installed: `make test` installs gcc and libseccomp-dev for this test")
        }
        let folder = try Command.temporaryFolder("asyncweb-seccomp-launcher")
        let launcher = SeccompLauncher(path: folder + "/seccomp-launcher")
        let finished = try Command.run(compiler, ["-O2", "-o", launcher.path, source.path, "-lseccomp"])
        guard finished.status == 0 else {
            launcher.remove()
            let missing = finished.errors.contains("seccomp.h") || finished.errors.contains("-lseccomp")
                ? "libseccomp-dev is not installed (`make test` installs it). " : ""
            throw Unavailable(description: "\(missing)cc could not build \(source.path):\n\(finished.errors)")
        }
        return launcher
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}

/// Podman as root, running the Quickstart from no image.
private enum Podman {
    /// Where containers cannot run at all (inside an unprivileged container, say), this
    /// variable turns the Podman test into a skip that says so; otherwise it fails.
    static let skipRequested = ProcessInfo.processInfo.environment["ASYNCWEB_SKIP_CONTAINER_TESTS"] == "1"
    static let skipReason: Comment = "ASYNCWEB_SKIP_CONTAINER_TESTS=1: containers cannot run here"

    /// One `podman run`, named so it can be removed whatever becomes of the podman process.
    ///
    /// Its root is a temporary folder: the host's /usr read-only, /bin, /lib and /lib64 as
    /// on the host (symbolic links into /usr on Debian 12), and read-only the folders of the
    /// products and of every shared object the server loads from outside /usr (the Swift
    /// runtime, a sanitizer's), each at its own path. Podman writes /etc/hosts and the like
    /// into the folder. The options, and why:
    /// - `--runtime runc`: crun 1.8 (Debian 12's default) refuses a hybrid cgroup hierarchy
    ///   ("cgroups in hybrid mode not supported, drop all controllers from cgroupv2"), which
    ///   some VMs have; runc runs under cgroup v1, v2 and hybrid alike.
    /// - `--ulimit nofile=…, nproc=…`: Podman asks for 1,048,576 descriptors by default, which
    ///   root without CAP_SYS_RESOURCE cannot get ("setrlimit `RLIMIT_NOFILE`: Operation not
    ///   permitted"); this process's hard limits it can keep. Podman lowers its own process
    ///   limit to 32,768 before it starts the runtime, so no more than that.
    /// - all of them before `--rootfs DIR`: the folder is the first argument, and Podman takes
    ///   everything after it for the container's command.
    final class Container: Sendable {
        let name = "asyncweb-refused-io-uring-\(UUID().uuidString.prefix(8).lowercased())"
        private let podman: String
        private let root: String
        /// `podman run` options, ending with `--rootfs DIR`.
        private let options: [String]

        /// A container for `server` (a path), not started yet: ``command`` starts it.
        init(serving server: String) throws {
            guard let podman = Command.find("podman") else {
                throw Unavailable(description: "podman is not installed: `make test` installs podman and runc for this test")
            }
            guard Command.find("runc") != nil else {
                throw Unavailable(description: "runc is not installed: `make test` installs it, for podman --runtime runc")
            }
            self.podman = podman
            root = try Command.temporaryFolder("asyncweb-rootfs")
            var mounts = ["/usr"]
            for name in ["bin", "lib", "lib64"] {
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/\(name)") {
                    try FileManager.default.createSymbolicLink(atPath: "\(root)/\(name)", withDestinationPath: target)
                } else if FileManager.default.fileExists(atPath: "/\(name)") {
                    mounts.append("/\(name)")
                }
            }
            let products = (server as NSString).deletingLastPathComponent
            for folder in try [products] + Self.libraryFolders(of: server)
            where !mounts.contains(where: { folder == $0 || folder.hasPrefix($0 + "/") }) {
                mounts.append(folder)
            }
            let descriptors = Self.hardLimit(RLIMIT_NOFILE)
            let processes = min(Self.hardLimit(__RLIMIT_NPROC), 32_768)
            options = [
                "--runtime", "runc", "--network", "host",
                "--ulimit", "nofile=\(descriptors):\(descriptors)", "--ulimit", "nproc=\(processes):\(processes)",
            ] + mounts.flatMap { ["--volume", "\($0):\($0):ro"] } + ["--rootfs", root]
        }

        /// The command line that runs the server (put before its own) in this container.
        var command: [String] { [podman, "run", "--rm", "--name", name] + options }

        /// Runs `/bin/true` in a container like this one, to fail with Podman's own words
        /// when containers cannot run here (cgroups, limits, namespaces, storage).
        func checkThatContainersRun() throws {
            let finished = try Command.run(podman, ["run", "--rm"] + options + ["/bin/true"])
            guard finished.status == 0 else {
                throw Unavailable(description: """
                    podman cannot run a container here (exit status \(finished.status)): \
                    \(finished.errors.trimmingCharacters(in: .whitespacesAndNewlines))
                    Command: podman run --rm \(options.joined(separator: " ")) /bin/true
                    Where containers cannot run at all, set ASYNCWEB_SKIP_CONTAINER_TESTS=1 to skip this test.
                    """)
            }
        }

        /// The server's PID as the host sees it.
        func serverPID() throws -> pid_t {
            let finished = try Command.run(podman, ["inspect", "--format", "{{.State.Pid}}", name])
            let pid = pid_t(finished.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            guard finished.status == 0, pid > 0 else {
                throw Unavailable(description: "podman inspect \(name) failed (\(finished.status)): \(finished.errors)")
            }
            return pid
        }

        /// Stops and removes the container (SIGKILL at once), then its root folder, whose
        /// bind mounts were only ever in the container's mount namespace.
        func remove() {
            _ = try? Command.run(podman, ["rm", "--force", "--ignore", "--time", "0", name])
            try? FileManager.default.removeItem(atPath: root)
        }

        private static func hardLimit(_ resource: __rlimit_resource) -> UInt {
            var limit = rlimit()
            getrlimit(__rlimit_resource_t(resource.rawValue), &limit)
            return UInt(limit.rlim_max)
        }

        /// The folders outside /usr that `binary`'s shared objects are loaded from, as `ldd`
        /// lists them: the Swift runtime it was linked against, a sanitizer's runtime.
        private static func libraryFolders(of binary: String) throws -> [String] {
            guard let ldd = Command.find("ldd") else { throw Unavailable(description: "ldd is not installed (Debian: libc-bin)") }
            let listed = try Command.run(ldd, [binary])
            guard listed.status == 0 else { throw Unavailable(description: "ldd \(binary) failed: \(listed.errors)") }
            // Lines read "libswiftCore.so => /opt/swift/usr/lib/swift/linux/libswiftCore.so (0x…)".
            let paths = listed.output.split(separator: "\n").compactMap { line in
                line.split(separator: " ").first { $0.hasPrefix("/") }.map(String.init)
            }
            let folders = paths.filter { !$0.hasPrefix("/usr/") && !$0.hasPrefix("/lib") }
                .map { ($0 as NSString).deletingLastPathComponent }
            return Array(Set(folders)).sorted()
        }
    }
}
