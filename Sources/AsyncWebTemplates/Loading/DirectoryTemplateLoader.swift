internal import Glibc

/// Templates from folders on disk: Jinja's `FileSystemLoader`. Names use
/// `/` and may not leave the folder (`..` and absolute names are refused).
///
/// ```swift
/// let loader = DirectoryTemplateLoader("templates")
/// ```
public struct DirectoryTemplateLoader: TemplateLoader {
    /// The folders searched, in order.
    public let directories: [String]

    public init(_ directories: String...) {
        self.directories = directories
    }

    public init(directories: [String]) {
        self.directories = directories
    }

    public func source(named name: String) throws -> TemplateLoaderSource? {
        let pieces = name.split(separator: "/", omittingEmptySubsequences: true)
        // Jinja's split_template_path: no way out of the folder.
        guard !name.hasPrefix("/"), !pieces.contains(where: { $0 == ".." }) else { return nil }
        let relative = pieces.filter { $0 != "." }.joined(separator: "/")
        for directory in directories {
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            guard let stamp = FileStamp(path: path), stamp.isRegularFile else { continue }
            let text = try Self.readText(path)
            return TemplateLoaderSource(text: text, path: path, isUpToDate: { FileStamp(path: path) == stamp })
        }
        return nil
    }

    public var searchDescription: [String] { directories }

    private static func readText(_ path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TemplateError(.notFound, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A file's identity and modification time, compared to notice edits.
private struct FileStamp: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let seconds: Int
    let nanoseconds: Int
    let isRegularFile: Bool

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        seconds = info.st_mtim.tv_sec
        nanoseconds = info.st_mtim.tv_nsec
        isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
    }
}
