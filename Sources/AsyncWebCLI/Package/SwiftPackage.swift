import Foundation

/// The Swift package a command runs in: its folder, found by walking up to `Package.swift`
/// as `swift build` does, and the `swift` commands that build its products.
struct SwiftPackage {
    /// The folder holding `Package.swift`.
    let root: String
    /// `--scratch-path`, passed on to every `swift` command when given.
    let scratchPath: String?

    /// The package holding the current folder, made the current folder: the commands build
    /// and start the app from its root, where it finds templates/ and static/.
    static func enterEnclosing(scratchPath: String?) throws(CLIError) -> SwiftPackage {
        let package = try enclosing(FileManager.default.currentDirectoryPath, scratchPath: scratchPath)
        _ = FileManager.default.changeCurrentDirectoryPath(package.root)
        return package
    }

    /// The package holding `folder`, or an error naming where it looked.
    static func enclosing(_ folder: String, scratchPath: String?) throws(CLIError) -> SwiftPackage {
        var candidate = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path) {
                return SwiftPackage(root: candidate.path, scratchPath: scratchPath.map(Self.absolute))
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path {
                throw CLIError(
                    "There is no Package.swift in \(folder) or any folder above it. Run this in a Swift package's folder (asyncweb new NAME makes one).")
            }
            candidate = parent
        }
    }

    /// The arguments of `swift build` for `product`, in the debug configuration.
    func buildArguments(product: String) -> [String] {
        ["build", "--product", product] + scratchArguments
    }

    /// The executable products, as `swift package describe` lists them, and the package's name.
    func executableProducts() throws(CLIError) -> (package: String, products: [String]) {
        let described = Subprocess.run(Self.swift, ["package"] + scratchArguments + ["describe", "--type", "json"], in: root)
        guard described.status == 0,
            let description = try? JSONSerialization.jsonObject(with: described.output) as? [String: Any],
            let products = description["products"] as? [[String: Any]]
        else {
            throw CLIError("Could not read the package at \(root): swift package describe failed (its messages are above).")
        }
        let executables = products.compactMap { product -> String? in
            guard let type = product["type"] as? [String: Any], type.keys.contains("executable") else { return nil }
            return product["name"] as? String
        }
        return (description["name"] as? String ?? URL(fileURLWithPath: root).lastPathComponent, executables)
    }

    /// The executable product to serve: `requested`, or the package's only one.
    func chooseProduct(_ requested: String?) throws(CLIError) -> String {
        let (package, products) = try executableProducts()
        let listed = products.joined(separator: ", ")
        if let requested {
            guard products.contains(requested) else {
                throw CLIError(
                    products.isEmpty
                        ? "The package '\(package)' has no executable product, so there is no '\(requested)' to run."
                        : "The package '\(package)' has no executable product '\(requested)'. Its executable products: \(listed).")
            }
            return requested
        }
        switch products.count {
        case 1: return products[0]
        case 0:
            throw CLIError(
                "The package '\(package)' has no executable product to run. Add an .executableTarget to Package.swift whose main.swift calls app.run().")
        default:
            throw CLIError("The package '\(package)' has several executable products: \(listed). Choose one with --app, e.g. --app \(products[0]).")
        }
    }

    /// Where `swift build` puts the binaries (`swift build --show-bin-path`).
    func binaryFolder() throws(CLIError) -> String {
        let shown = Subprocess.run(Self.swift, ["build"] + scratchArguments + ["--show-bin-path"], in: root)
        let path = shown.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard shown.status == 0, let last = path.split(separator: "\n").last else {
            throw CLIError("swift build --show-bin-path failed (its messages are above).")
        }
        return String(last)
    }

    /// `path` relative to the package's folder, when it is inside it.
    func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    private var scratchArguments: [String] {
        scratchPath.map { ["--scratch-path", $0] } ?? []
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The `swift` driver: the one on PATH, as a user's shell would find it.
    static let swift: String = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        return folders.map { "\($0)/swift" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/swift"
    }()
}
