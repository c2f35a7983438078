import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// epoll: file reads that would wait for the disk, run on threads of their own.
///
/// epoll cannot wait for a regular file, and a `pread` that misses the page cache blocks its
/// thread for as long as the disk takes. So ``ReadOnlyFile`` first reads with `RWF_NOWAIT`,
/// which takes what the page cache holds at no risk, and only a miss comes here: the read
/// runs on a Dispatch worker, and the task resumes on its reactor when the bytes are in.
/// (nginx's `aio threads` and libuv's thread pool do the same.)
enum DiskReadThreads {
    private static let queue = DispatchQueue(label: "AsyncWeb.disk-reads", attributes: .concurrent)

    /// Reads up to `count` bytes at `offset` into `destination`; the count read, or `-errno`.
    ///
    /// `owner` (the buffer holding `destination`) and `file` are kept alive until the read is
    /// done. A disk read cannot be taken back, so a cancelled task waits for it to finish.
    static func read(
        _ file: ReadOnlyFile, into destination: UnsafeMutableRawPointer, count: Int, at offset: Int, owner: AnyObject
    ) async -> Int {
        nonisolated(unsafe) let destination = destination
        nonisolated(unsafe) let owner = owner
        return await withUnsafeContinuation { continuation in
            queue.async {
                withExtendedLifetime(owner) {
                    let result = pread(file.fd, destination, count, off_t(offset))
                    continuation.resume(returning: result >= 0 ? result : -Int(errno))
                }
            }
        }
    }
}
