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

    /// The file is evicted from the page cache first (checked with `mincore`), so the
    /// reactor's cached-only read gets `EAGAIN` and the bytes come from a disk-read thread.
    @Test func onEpollAReadThatMissesThePageCacheIsServedByADiskReadThread() async throws {
        let (path, content) = try temporaryFile(bytes: 1_000_000)
        defer { unlink(path) }
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        fsync(fd)
        posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)
        let resident = residentPages(fd: fd, size: content.count)
        try #require(resident == 0, "the kernel kept \(resident) pages of \(path) cached; the miss cannot be made here")
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

    /// A file of `bytes` pseudo-random bytes on the disk-backed temporary folder.
    private func temporaryFile(bytes: Int) throws -> (String, [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        let content = (0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = NSTemporaryDirectory() + "asyncweb-file-\(UUID().uuidString)"
        try Data(content).write(to: URL(fileURLWithPath: path))
        return (path, content)
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
