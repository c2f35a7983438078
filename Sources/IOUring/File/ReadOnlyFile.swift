internal import CLibURing
#if canImport(Glibc)
import Glibc
#endif

/// A regular file opened for reading, read without blocking its reactor.
///
/// ```swift
/// let file = try ReadOnlyFile(path: "/srv/static/app.js")
/// let chunk = IOBuffer(capacity: 64 * 1024)
/// let count = try await file.read(into: chunk, count: 64 * 1024, at: 0)
/// ```
/// On an io_uring reactor, disk reads wait in the ring like socket operations. On an epoll
/// reactor, what the page cache holds is read at once, and a read that would wait for the
/// disk goes to ``DiskReadThreads``. Elsewhere (tests, the global executor) it is a `pread`.
public final class ReadOnlyFile: Sendable {
    public let fd: Int32
    /// Size in bytes when opened.
    public let size: Int
    /// Last modification, seconds since 1970 with the fraction (what Python's `st_mtime` shows).
    public let modificationTime: Double
    /// Last modification in whole seconds since 1970.
    public let modificationSeconds: Int

    /// Opens `path`, which must be a regular file.
    ///
    /// - Throws: ``IOError`` (`ENOENT`, `EACCES`, or `EISDIR` for anything but a regular file).
    public init(path: String) throws(IOError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError.lastError("open \(path)") }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let error = IOError.lastError("fstat \(path)")
            close(fd)
            throw error
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw IOError(code: EISDIR, operation: "open \(path) (not a regular file)")
        }
        self.fd = fd
        size = Int(status.st_size)
        modificationSeconds = Int(status.st_mtim.tv_sec)
        modificationTime = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) * 1e-9
    }

    deinit { close(fd) }

    /// Reads up to `count` bytes at `offset`, appending them to `buffer`; 0 at the end of the file.
    public func read(into buffer: IOBuffer, count: Int, at offset: Int) async throws -> Int {
        let destination = buffer.writableSpace(count)
        let result: Int
        if let reactor = Reactor.current, reactor.isOnReactorThread {
            switch reactor.backend {
            case .ioUring:
                result = Int(await reactor.perform(owner: buffer) { sqe in
                    io_uring_prep_read(sqe, fd, destination, UInt32(count), UInt64(offset))
                })
            case .epoll:
                let cached = readFromPageCache(into: destination, count: count, at: offset)
                if cached == -Int(EAGAIN) || cached == -Int(EOPNOTSUPP) {
                    result = await DiskReadThreads.read(self, into: destination, count: count, at: offset, owner: buffer)
                } else {
                    result = cached
                }
            }
            if result < 0 {
                if result == -Int(ECANCELED) && Task.isCancelled { throw CancellationError() }
                throw IOError(code: Int32(-result), operation: "read")
            }
        } else {
            let read = pread(fd, destination, count, off_t(offset))
            guard read >= 0 else { throw IOError.lastError("pread") }
            result = read
        }
        buffer.commitWritten(result)
        return result
    }

    /// Reads what the page cache holds of the range, never waiting for the disk: the count
    /// read, `-EAGAIN` when the first bytes are not cached, or another `-errno`.
    func readFromPageCache(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Int {
        let result = CLibURing_readCachedOnly(fd, destination, UInt(count), offset)
        return result >= 0 ? result : -Int(errno)
    }
}
