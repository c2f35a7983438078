/// How a new package depends on AsyncWeb: by its git URL and version, or on a local checkout
/// (`asyncweb new NAME --path DIR`).
enum AsyncWebDependency {
    /// Where AsyncWeb is published, and the version new packages start from. There is no
    /// published release yet: until there is, `--path` to a checkout is how to use it.
    static let gitURL = "https://github.com/asyncweb/asyncweb.git"
    static let version = "0.1.0"

    case git
    /// An absolute path to a checkout of AsyncWeb.
    case path(String)

    /// The `.package(…)` line of the new package's manifest.
    var packageLine: String {
        switch self {
        case .git: ".package(url: \"\(Self.gitURL)\", from: \"\(Self.version)\")"
        case .path(let path): ".package(path: \"\(path)\")"
        }
    }

    /// The package identity SwiftPM gives the dependency (the last part of its URL or path,
    /// lowercased), which `.product(name:package:)` names.
    var identity: String {
        let location: String =
            switch self {
            case .git: Self.gitURL
            case .path(let path): path
            }
        let last = location.split(separator: "/").last.map(String.init) ?? location
        return (last.hasSuffix(".git") ? String(last.dropLast(4)) : last).lowercased()
    }
}
