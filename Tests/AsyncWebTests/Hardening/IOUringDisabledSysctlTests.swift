import AsyncWebTesting
import Foundation
import Glibc
import IOUring
import Testing

/// `sysctl kernel.io_uring_disabled=2` (Linux 6.6+, and RHEL's default since 9.3) refuses
/// io_uring to every process, root included: the Quickstart must start on epoll by itself,
/// say why in its banner, and serve.
///
/// The setting is the whole machine's, so it would refuse io_uring to the tests running
/// beside this one: `make test` runs it alone, after the rest, with
/// `ASYNCWEB_SYSTEM_WIDE_TESTS=1`.
@Suite(
    "Hardening: io_uring disabled by sysctl",
    .enabled(
        if: ProcessInfo.processInfo.environment["ASYNCWEB_SYSTEM_WIDE_TESTS"] == "1",
        "changes kernel.io_uring_disabled for the whole machine; `make test` runs it alone with ASYNCWEB_SYSTEM_WIDE_TESTS=1"))
struct IOUringDisabledSysctlTests {
    static let setting = "/proc/sys/kernel/io_uring_disabled"

    @Test func theQuickstartFallsBackToEpollAndServes() async throws {
        guard let old = try? String(contentsOfFile: Self.setting, encoding: .utf8) else {
            Issue.record("\(Self.setting) is missing: this kernel (\(kernelRelease())) predates Linux 6.6, which added the setting")
            return
        }
        guard geteuid() == 0 else {
            Issue.record("setting \(Self.setting) needs root; these tests run as uid \(geteuid())")
            return
        }
        try write("2", to: Self.setting)
        // Restored whatever happens below, so the machine is left as it was found.
        defer { try? write(old.trimmingCharacters(in: .whitespacesAndNewlines), to: Self.setting) }

        let server = try ServerProcess.start("Quickstart", backend: .epoll, chosenAutomatically: true)
        defer { server.stop() }
        #expect(server.output.contains(" * I/O: epoll (io_uring refused: EPERM, kernel.io_uring_disabled=2)\n"), "\(server.output)")
        try await expectUserBob(from: server)
    }

    private func write(_ value: String, to path: String) throws {
        try value.write(toFile: path, atomically: false, encoding: .utf8)
    }

    private func kernelRelease() -> String {
        (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
    }
}
