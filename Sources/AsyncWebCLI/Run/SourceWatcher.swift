#if canImport(Glibc)
import Glibc
#endif

/// Watches a package's Swift sources with inotify: every folder under `Sources/` (folders
/// made later included) and `Package.swift`.
///
/// `templates/` and `static/` are not watched: in debug mode the app reads templates and
/// static files afresh itself, so their changes need no restart.
final class SourceWatcher {
    /// The inotify descriptor, readable when changes wait to be read.
    let descriptor: Int32
    private let packageRoot: String
    /// The folder each watch descriptor stands for.
    private var folders: [Int32: String] = [:]

    init(packageRoot: String) throws(CLIError) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw CLIError("Cannot watch the sources: inotify_init1 failed (\(String(cString: strerror(errno)))).") }
        self.packageRoot = packageRoot
        // The package folder itself, for Package.swift: editors replace a file they save,
        // which a watch on the file would lose.
        addWatch(packageRoot)
        watchTree(packageRoot + "/Sources")
    }

    deinit {
        close(descriptor)
    }

    /// The files changed since the last call, relative to the package (`Sources/hello/main.swift`),
    /// in the order the kernel reported them.
    func changedFiles() -> [String] {
        var changed: [String] = []
        let bufferSize = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, bufferSize)
            guard count > 0 else { break }
            var offset = 0
            while offset < count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                if let file = handle(event, name: name) { changed.append(file) }
            }
        }
        return changed
    }

    /// The file an event is a change of, if it matters to the build: a Swift file written,
    /// renamed or removed, `Package.swift`, or a folder of sources made or removed. New
    /// folders are watched on the way.
    private func handle(_ event: inotify_event, name: String) -> String? {
        if event.mask & UInt32(IN_IGNORED) != 0 {
            folders[event.wd] = nil
            return nil
        }
        guard let folder = folders[event.wd], !name.isEmpty, !Self.isIgnored(name) else { return nil }
        let path = folder + "/" + name
        if folder == packageRoot {
            return name == "Package.swift" && event.mask & UInt32(IN_CREATE) == 0 ? relative(path) : nil
        }
        guard event.mask & UInt32(IN_ISDIR) != 0 else {
            // A file made is reported again when written and closed.
            return name.hasSuffix(".swift") && event.mask & UInt32(IN_CREATE) == 0 ? relative(path) : nil
        }
        if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            // Files may have landed in it before its watch was added.
            return watchTree(path).first.map(relative)
        }
        return relative(path)
    }

    private func relative(_ path: String) -> String {
        String(path.dropFirst(packageRoot.count + 1))
    }

    /// Watches `folder` and every folder below it; the Swift files found there.
    @discardableResult
    private func watchTree(_ folder: String) -> [String] {
        guard addWatch(folder), let entries = opendir(folder) else { return [] }
        defer { closedir(entries) }
        var swiftFiles: [String] = []
        while let entry = readdir(entries) {
            let name = Self.name(of: entry)
            guard name != ".", name != "..", !Self.isIgnored(name) else { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) {
                swiftFiles += watchTree(folder + "/" + name)
            } else if name.hasSuffix(".swift") {
                swiftFiles.append(folder + "/" + name)
            }
        }
        return swiftFiles
    }

    /// The entry's name, read in place: `d_name` is declared 256 bytes long, but a record is
    /// only as long as its name, so copying the field whole can read past the end of
    /// `readdir`'s buffer (and fault, where that end is the end of a mapping).
    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
    }

    @discardableResult
    private func addWatch(_ folder: String) -> Bool {
        // Written (closed after writing), renamed into place (atomic saves), made or removed.
        let events = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
        let watch = inotify_add_watch(descriptor, folder, UInt32(events) | UInt32(IN_ONLYDIR))
        guard watch >= 0 else { return false }
        folders[watch] = folder
        return true
    }

    /// Editors' swap, backup and temporary files, hidden files and build folders.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || (name.hasPrefix("#") && name.hasSuffix("#")) || name == "4913"
    }
}
