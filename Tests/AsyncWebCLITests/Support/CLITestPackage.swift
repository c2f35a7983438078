import Foundation
import Glibc

/// The package the CLI tests make with `asyncweb new hello --path <this checkout>`, in
/// `.build/cli-tests/hello`, built in `.build/cli-tests/scratch`: stable paths, so that only
/// the first run builds AsyncWeb there (minutes on two cores) and later runs rebuild little.
struct CLITestPackage {
    /// How long the first build may take (AsyncWeb and its dependencies from scratch).
    static let firstBuildTime: Duration = .seconds(15 * 60)
    /// How long a build after a change to the package may take.
    static let rebuildTime: Duration = .seconds(3 * 60)

    static let checkout: String = {
        String(describing: #filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast(4).joined(separator: "/")
    }()
    static let workFolder = checkout + "/.build/cli-tests"
    static let scratchPath = workFolder + "/scratch"
    let folder = Self.workFolder + "/hello"

    /// `asyncweb`, built beside these tests.
    static let asyncweb: String = {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: runner).deletingLastPathComponent().appendingPathComponent("asyncweb").path
    }()

    /// A new package made by `asyncweb new` (the last one removed first), built once with its
    /// tests so each test's own steps rebuild only what it changes.
    static func fresh() async throws -> CLITestPackage {
        guard FileManager.default.isExecutableFile(atPath: asyncweb) else {
            throw SpawnedProcess.Failure(description: "\(asyncweb) is missing: build it first with swift build --build-tests")
        }
        let package = CLITestPackage()
        try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: package.folder)
        let made = try SpawnedProcess([asyncweb, "new", "hello", "--path", checkout], in: workFolder)
        guard try await made.finish("asyncweb new", within: .seconds(60)) == 0 else {
            throw SpawnedProcess.Failure(description: "asyncweb new failed: \(made.output)")
        }
        let build = try SpawnedProcess(["swift", "build", "--build-tests", "--scratch-path", scratchPath], in: package.folder)
        guard try await build.finish("The build of the new package (AsyncWeb included, the first time)", within: firstBuildTime) == 0 else {
            throw SpawnedProcess.Failure(description: "The new package does not build:\n\(build.output.suffix(4000))")
        }
        return package
    }

    /// `asyncweb run` in the package on a free port, with `arguments` (`--debug`).
    func run(_ arguments: [String] = ["--debug"]) async throws -> (supervisor: SpawnedProcess, port: Int) {
        let supervisor = try SpawnedProcess(
            [Self.asyncweb, "run", "--port", "0", "--scratch-path", Self.scratchPath] + arguments, in: folder)
        let banner = try await supervisor.waitForOutput(#"Running on http://127\.0\.0\.1:\d+"#, "The banner of asyncweb run", within: .seconds(120))
        return (supervisor, Int(banner.split(separator: ":").last!)!)
    }

    var mainSwift: String { folder + "/Sources/hello/main.swift" }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: folder + "/" + relativePath, encoding: .utf8)
    }

    /// Replaces `old` with `new` in a file of the package, saved as an editor does (a new file
    /// renamed into place).
    func edit(_ relativePath: String, replacing old: String, with new: String) throws {
        let text = try read(relativePath)
        guard text.contains(old) else { throw SpawnedProcess.Failure(description: "\(relativePath) has no \(old)") }
        try text.replacingOccurrences(of: old, with: new).write(toFile: folder + "/" + relativePath, atomically: true, encoding: .utf8)
    }

    /// The PIDs of `pid`'s children.
    static func children(of pid: pid_t) -> [pid_t] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { pid_t($0) }
        }
    }

    /// Whether a process `pid` exists (a zombie counts as gone).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        return !status.contains("State:\tZ")
    }
}
