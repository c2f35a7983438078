import Foundation
import Glibc
@testable import IOUring
import Testing

/// Files read on a reactor, without blocking it: through the ring on io_uring; on epoll from
/// the page cache at once, or on a disk-read thread when the bytes are not cached.
@Suite("Files on a reactor")
struct ReadOnlyFileTests {
    @Test(arguments: IOBackend.allCases)
    func aFileReadOnTheReactorGivesItsBytes(backend: IOBackend) async throws {
        let (path, content) = try temporaryFile(bytes: 300_000)
        defer { unlink(path) }
        let read = try await readOnReactor(path, backend: backend)
        #expect(read == content)
    }

    /// A disk-read thread reads off the reactor, and the task goes on on its reactor after.
    @Test func aDiskReadThreadGivesTheBytesAndTheTaskResumesOnItsReactor() async throws {
        let (path, content) = try temporaryFile(bytes: 200_000)
        defer { unlink(path) }
        let group = try ReactorGroup(count: 1, backend: .epoll)
        defer { group.shutdown() }
        let reactor = group.reactors[0]
        let read = try await Task(executorPreference: reactor) {
            let file = try ReadOnlyFile(path: path)
            let buffer = IOBuffer(capacity: content.count)
            let count = await DiskReadThreads.read(
                file, into: buffer.writableSpace(content.count), count: content.count, at: 0, owner: buffer)
            #expect(reactor.isOnReactorThread)
            buffer.commitWritten(max(count, 0))
            return Array(buffer.readableBytes)
        }.value
        #expect(read == content)
    }

    /// The file is evicted from the page cache first (checked with `mincore`), so the
    /// reactor's cached-only read gets `EAGAIN` and the bytes come from a disk-read thread.
    @Test func onEpollAReadThatMissesThePageCacheIsServedByADiskReadThread() async throws {
        let (path, content) = try await uncachedFile(bytes: 1_000_000)
        defer { unlink(path) }
        let probe = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 16)
        defer { probe.deallocate() }
        #expect(try ReadOnlyFile(path: path).readFromPageCache(into: probe, count: 4096, at: 0) == -Int(EAGAIN))

        let read = try await readOnReactor(path, backend: .epoll)
        #expect(read == content)
    }

    private func readOnReactor(_ path: String, backend: IOBackend) async throws -> [UInt8] {
        let group = try ReactorGroup(count: 1, backend: backend)
        defer { group.shutdown() }
        let reactor = group.reactors[0]
        return try await Task(executorPreference: reactor) {
            let file = try ReadOnlyFile(path: path)
            let buffer = IOBuffer(capacity: 64 * 1024)
            var offset = 0
            while true {
                let count = try await file.read(into: buffer, count: 64 * 1024, at: offset)
                #expect(reactor.isOnReactorThread)
                if count == 0 { break }
                offset += count
            }
            return Array(buffer.readableBytes)
        }.value
    }

    /// A file of `bytes` pseudo-random bytes in `directory` (the temporary folder by default).
    private func temporaryFile(bytes: Int, in directory: String = NSTemporaryDirectory()) throws -> (String, [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        let content = (0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = directory + "/asyncweb-file-\(UUID().uuidString)"
        try Data(content).write(to: URL(fileURLWithPath: path))
        return (path, content)
    }

    /// A file of `bytes` bytes none of which the page cache holds. A folder on tmpfs keeps its
    /// pages in memory for good, so the temporary folder, `/var/tmp` and the package's build
    /// folder (tests run in the package root) are tried in turn.
    private func uncachedFile(bytes: Int) async throws -> (String, [UInt8]) {
        var tried: [String] = []
        for directory in [NSTemporaryDirectory(), "/var/tmp", FileManager.default.currentDirectoryPath + "/.build"]
        where access(directory, W_OK) == 0 {
            let (path, content) = try temporaryFile(bytes: bytes, in: directory)
            let fd = open(path, O_RDONLY)
            var resident = -1
            for _ in 0..<10 where resident != 0 {
                fsync(fd)
                posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)
                resident = residentPages(fd: fd, size: bytes)
                if resident != 0 { try await Task.sleep(for: .milliseconds(20)) }
            }
            close(fd)
            if resident == 0 { return (path, content) }
            unlink(path)
            tried.append("\(directory) (\(resident) pages stayed cached)")
        }
        throw PageCacheMissImpossible(tried: tried)
    }

    struct PageCacheMissImpossible: Error, CustomStringConvertible {
        let tried: [String]
        var description: String { "no folder lets a file leave the page cache; tried: \(tried.joined(separator: ", "))" }
    }

    /// How many of the file's pages the page cache holds, from `mincore` on a mapping of it.
    private func residentPages(fd: Int32, size: Int) -> Int {
        guard let mapping = mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0), mapping != MAP_FAILED else { return -1 }
        defer { munmap(mapping, size) }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        var vector = [UInt8](repeating: 0, count: (size + pageSize - 1) / pageSize)
        guard mincore(mapping, size, &vector) == 0 else { return -1 }
        return vector.filter { $0 & 1 != 0 }.count
    }
}
