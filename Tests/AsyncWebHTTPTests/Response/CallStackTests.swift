@testable import AsyncWebHTTP
import Foundation
import Glibc
import Synchronization
import Testing

/// The call stacks errors record in debug mode (``CallStack``).
@Suite("Call stacks of errors")
struct CallStackTests {
    static func originRecordingItsCallStack() -> ErrorOrigin {
        ErrorOrigin.$recordsCallStack.withValue(true) { ErrorOrigin() }
    }

    @Test func theStackIsNamedDownToTheCaller() throws {
        let frames = try #require(Self.originRecordingItsCallStack().callStack).frames()
        #expect(frames.first?.location?.contains("CallStackTests.swift") == true, "\(frames.prefix(3))")
    }

    @Test func namedOffTheCallersThreadTheFramesAreTheSame() async throws {
        let callStack = try #require(Self.originRecordingItsCallStack().callStack)
        let named = await callStack.namedFrames()
        #expect(named.map(\.description) == callStack.frames().map(\.description))
        #expect(!named.isEmpty)
    }

    /// The process's binaries are listed once: listing them reads every mapped file in
    /// place, and a file unmapped meanwhile by another thread (Foundation reading a file,
    /// the symbolicator done with a binary) faulted the whole process, as it once did in CI.
    @Test func capturesGoOnWhileAnotherThreadMapsAndUnmapsFiles() throws {
        _ = Self.originRecordingItsCallStack()
        let path = NSTemporaryDirectory() + "call-stack-\(UUID().uuidString)"
        try #require(FileManager.default.createFile(atPath: path, contents: Data(count: 1 << 16)))
        let file = open(path, O_RDONLY)
        unlink(path)
        try #require(file >= 0)
        defer { close(file) }
        let stopped = Atomic(false)
        let finished = DispatchSemaphore(value: 0)
        let unmapper = Thread {
            while !stopped.load(ordering: .relaxed) {
                guard let mapped = mmap(nil, 1 << 16, PROT_READ, MAP_PRIVATE, file, 0), mapped != MAP_FAILED else { break }
                usleep(20)
                munmap(mapped, 1 << 16)
            }
            finished.signal()
        }
        unmapper.start()
        for _ in 0..<2_000 {
            #expect(Self.originRecordingItsCallStack().callStack != nil)
        }
        stopped.store(true, ordering: .relaxed)
        finished.wait()
    }
}
