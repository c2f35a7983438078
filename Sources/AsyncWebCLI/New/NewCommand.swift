import ArgumentParser
import Foundation

/// `asyncweb new NAME`: Flask's Quickstart as a package. Makes NAME/ with a manifest
/// depending on AsyncWeb, a small app, its templates and static files, and a test.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a package with a small AsyncWeb app, ready for `asyncweb run`.",
        discussion: """
            The package depends on AsyncWeb at \(AsyncWebDependency.gitURL) from \(AsyncWebDependency.version), \
            or with --path on a local checkout of AsyncWeb.
            """
    )

    @Argument(help: "The package's name (letters, digits, '_' and '-', starting with a letter); also its folder's and the app's.")
    var name: String

    @Option(help: "Depend on the AsyncWeb checkout in this folder instead of the published package.")
    var path: String?

    func validate() throws {
        guard name.wholeMatch(of: /[A-Za-z][A-Za-z0-9_-]*/) != nil else {
            throw ValidationError(
                "'\(name)' is not a usable package name: use letters, digits, '_' and '-', starting with a letter (e.g. hello or my-app).")
        }
    }

    func run() throws {
        let dependency = try dependency()
        let folder = URL(fileURLWithPath: name, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
        guard !FileManager.default.fileExists(atPath: folder) else {
            throw CLIError("\(folder) already exists. Choose another name, or remove it first.")
        }
        let files = NewPackageFiles(name: name, dependency: dependency).files
        for (relativePath, contents) in files {
            let path = folder + "/" + relativePath
            do {
                try FileManager.default.createDirectory(
                    atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
                try contents.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw CLIError("Cannot write \(path): \(error.localizedDescription)")
            }
        }
        print("Created the package '\(name)' in \(folder):")
        for (relativePath, _) in files { print("  \(name)/\(relativePath)") }
        print("""

            Next:
              cd \(name) && asyncweb run --debug     serve it on http://127.0.0.1:5000, rebuilding on changes
              swift test                            run its tests
            """)
    }

    /// The dependency `--path` asks for (checked to be AsyncWeb), or the published package.
    private func dependency() throws -> AsyncWebDependency {
        guard let path else { return .git }
        let checkout = URL(fileURLWithPath: path).standardizedFileURL.path
        let manifest = (try? String(contentsOfFile: checkout + "/Package.swift", encoding: .utf8)) ?? ""
        guard manifest.contains("name: \"AsyncWeb\"") else {
            throw CLIError("\(checkout) is not a checkout of AsyncWeb (its Package.swift does not declare the package AsyncWeb).")
        }
        return .path(checkout)
    }
}
