import Foundation
import Glibc
@testable import IOUring
import Testing

@Suite("Reactor")
struct ReactorTests {
    @Test(arguments: IOBackend.allCases)
    func echoesBytesOverARealSocket(backend: IOBackend) async throws {
        let server = try EchoServer(backend: backend)
        let port = server.port
        let reply = try await onThread {
            let client = try BlockingClient(port: port)
            client.write("hello, ring")
            return String(decoding: client.read(count: 11), as: UTF8.self)
        }
        #expect(reply == "hello, ring")
        await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func servesAThousandConcurrentConnections(backend: IOBackend) async throws {
        let server = try EchoServer(backend: backend)
        let port = server.port
        let replies = try await onThread {
            let clients = try (0..<1000).map { _ in try BlockingClient(port: port) }
            for (index, client) in clients.enumerated() { client.write("message \(index);") }
            return clients.enumerated().filter { index, client in
                let expected = "message \(index);"
                return String(decoding: client.read(count: expected.utf8.count), as: UTF8.self) == expected
            }.count
        }
        #expect(replies == 1000)
        await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func largeTransfersArriveIntact(backend: IOBackend) async throws {
        let server = try EchoServer(backend: backend)
        let port = server.port
        let payload = String(repeating: "0123456789abcdef", count: 512 * 1024 / 16)
        let echoed = try await onThread {
            let client = try BlockingClient(port: port)
            let writer = Thread { client.write(payload) }
            writer.start()
            return String(decoding: client.read(count: payload.utf8.count), as: UTF8.self)
        }
        #expect(echoed == payload)
        await server.stop()
    }

    @Test(arguments: IOBackend.allCases)
    func continuationsResumeOnTheReactorThread(backend: IOBackend) async throws {
        let group = try ReactorGroup(count: 2, backend: backend)
        defer { group.shutdown() }
        for reactor in group.reactors {
            let stayed = await Task(executorPreference: reactor) {
                var onThread = reactor.isOnReactorThread
                for _ in 0..<10 {
                    try? await reactor.sleep(for: .milliseconds(1))
                    onThread = onThread && reactor.isOnReactorThread && Reactor.current === reactor
                }
                return onThread
            }.value
            #expect(stayed)
        }
    }

    @Test(arguments: IOBackend.allCases)
    func anActorCanUseTheReactorAsItsSerialExecutor(backend: IOBackend) async throws {
        actor Counter {
            let reactor: Reactor
            var count = 0
            nonisolated var unownedExecutor: UnownedSerialExecutor { reactor.asUnownedSerialExecutor() }
            init(reactor: Reactor) { self.reactor = reactor }
            func increment() -> Bool {
                count += 1
                return reactor.isOnReactorThread
            }
        }
        let group = try ReactorGroup(count: 1, backend: backend)
        defer { group.shutdown() }
        let reactor = group.reactors[0]
        let counter = Counter(reactor: reactor)
        // From the global pool and from a task on the reactor, concurrently.
        async let fromPool = (0..<500).asyncAllSatisfy { _ in await counter.increment() }
        async let fromReactor = Task(executorPreference: reactor) {
            await (0..<500).asyncAllSatisfy { _ in
                try? await reactor.sleep(for: .microseconds(1))
                return await counter.increment()
            }
        }.value
        let (a, b) = await (fromPool, fromReactor)
        #expect(a && b)
        #expect(await counter.count == 1000)
    }

    @Test(arguments: IOBackend.allCases)
    func cancellingATaskCancelsItsOperationInTheRing(backend: IOBackend) async throws {
        let group = try ReactorGroup(count: 1, backend: backend)
        defer { group.shutdown() }
        let reactor = group.reactors[0]
        let clock = ContinuousClock()
        // The sleeper notes when it wakes, on the reactor: this task may wait long for a thread
        // of the global pool (a loaded machine, ThreadSanitizer), which says nothing of the ring.
        let sleeper = Task(executorPreference: reactor) { () -> (error: (any Error)?, woke: ContinuousClock.Instant) in
            do {
                try await reactor.sleep(for: .seconds(600))
                return (nil, clock.now)
            } catch {
                return (error, clock.now)
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        let cancelled = clock.now
        sleeper.cancel()
        let (error, woke) = await sleeper.value
        #expect(error is CancellationError)
        // Far below the sleep: the operation was cancelled, not waited out.
        #expect(woke - cancelled < .seconds(60))
    }

    @Test(arguments: IOBackend.allCases)
    func cancellingFromTheSameReactorCancelsTheOperation(backend: IOBackend) async throws {
        let group = try ReactorGroup(count: 1, backend: backend)
        defer { group.shutdown() }
        let reactor = group.reactors[0]
        let clock = ContinuousClock()
        let elapsed = await Task(executorPreference: reactor) { () -> Duration in
            let start = clock.now
            let sleeper = Task(executorPreference: reactor) { try await reactor.sleep(for: .seconds(600)) }
            // Let the sleeper queue its submission, then cancel it in the same loop turn, so
            // the operation and its cancellation reach the kernel in one batch.
            await Task.yield()
            sleeper.cancel()
            _ = await sleeper.result
            return clock.now - start
        }.value
        #expect(elapsed < .seconds(60))
    }

    @Test(arguments: IOBackend.allCases)
    func receiveTimesOutWhenThePeerIsSilent(backend: IOBackend) async throws {
        let server = try OneConnectionServer(backend: backend)
        defer { server.stop() }
        let port = server.port
        let client = try await onThread { try BlockingClient(port: port) }
        let outcome = await server.serve { connection, _ in
            do {
                try await connection.receive(timeout: .milliseconds(100))
                return "data"
            } catch is IOTimeoutError {
                return "timed out"
            } catch {
                return "\(error)"
            }
        }
        #expect(outcome == "timed out")
        _ = client
    }

    @Test(arguments: IOBackend.allCases)
    func bytesArrivingWhileTheReaderIsBusyAreNotMissed(backend: IOBackend) async throws {
        let server = try OneConnectionServer(backend: backend)
        defer { server.stop() }
        let port = server.port
        let client = try await onThread { try BlockingClient(port: port) }
        // "second" is sent once "first" was read: sent after a fixed pause instead, both could
        // arrive before the first read returns on a slow machine, and then nothing is new.
        let firstConsumed = DispatchSemaphore(value: 0)
        let writer = Thread {
            client.write("first")
            _ = firstConsumed.wait(timeout: .now() + 10)
            client.write("second")  // arrives while the server task sleeps below
        }
        writer.start()
        let outcome = await server.serve { connection, reactor in
            do {
                while connection.inbound.readableCount < 5 { try await connection.receive(timeout: .seconds(5)) }
                connection.consume(5)
                firstConsumed.signal()
                try await reactor.sleep(for: .milliseconds(200))
                // "second" is in the buffer already: this must not wait for yet more bytes.
                try await connection.receive(timeout: .milliseconds(500))
                return String(decoding: connection.inbound.readableBytes, as: UTF8.self)
            } catch {
                return "\(error)"
            }
        }
        #expect(outcome == "second")
    }

    @Test(arguments: IOBackend.allCases)
    func gatheredSendAndHalfCloseReachThePeer(backend: IOBackend) async throws {
        let server = try OneConnectionServer(backend: backend)
        defer { server.stop() }
        let port = server.port
        async let received = onThread {
            let client = try BlockingClient(port: port)
            return String(decoding: client.readToEnd(), as: UTF8.self)
        }
        let sent = await server.serve { connection, reactor in
            let head = IOBuffer(), body = IOBuffer()
            head.append("head|")
            body.append(String(repeating: "b", count: 100_000))
            guard (try? await connection.send([head, body])) != nil else { return false }
            connection.shutdownWrite()
            // The peer sees end of stream while this side could still receive.
            try? await reactor.sleep(for: .milliseconds(50))
            return head.readableCount == 0 && body.readableCount == 0
        }
        #expect(sent == true)
        #expect(try await received == "head|" + String(repeating: "b", count: 100_000))
    }

    @Test(arguments: IOBackend.allCases)
    func aSendToAPeerThatReadsNothingTimesOut(backend: IOBackend) async throws {
        let server = try OneConnectionServer(backend: backend)
        defer { server.stop() }
        let port = server.port
        let client = try await onThread { try BlockingClient(port: port) }  // connected, never reads
        let outcome = await server.serve { connection, _ in
            let payload = IOBuffer(capacity: 64 * 1024 * 1024)
            payload.append(String(repeating: "x", count: 64 * 1024 * 1024))
            do {
                try await connection.send(payload, timeout: .milliseconds(300))
                return "sent"
            } catch is IOTimeoutError {
                return "timed out with \(payload.readableCount) bytes unsent"
            } catch {
                return "\(error)"
            }
        }
        #expect(outcome?.hasPrefix("timed out") == true, "\(outcome ?? "nil")")
        _ = client
    }

    @Test(arguments: IOBackend.allCases)
    func cancellingATaskCancelsItsPendingSend(backend: IOBackend) async throws {
        let server = try OneConnectionServer(backend: backend)
        defer { server.stop() }
        let port = server.port
        let client = try await onThread { try BlockingClient(port: port) }  // connected, never reads
        let outcome = await server.serve { connection, reactor in
            let sender = Task(executorPreference: reactor) { () -> String in
                let payload = IOBuffer(capacity: 64 * 1024 * 1024)
                payload.append(String(repeating: "x", count: 64 * 1024 * 1024))
                do {
                    try await connection.send(payload)  // no timeout: only the cancellation ends it
                    return "sent"
                } catch {
                    return "\(type(of: error))"
                }
            }
            try? await reactor.sleep(for: .milliseconds(100))
            sender.cancel()
            return await sender.value
        }
        #expect(outcome == "CancellationError")
        _ = client
    }

    /// epoll writes a loop turn's sends at its end: a connection closed before then must not
    /// be written to, for its descriptor number may already be another connection's. (On
    /// io_uring the send in the ring holds the socket itself, whatever the number.)
    @Test func onEpollASendQueuedWhenItsConnectionClosesFailsAndWritesNothing() async throws {
        // The closed number must be taken by a pipe of the test's for the check to mean
        // anything; a test running beside this one may open a descriptor first and take it.
        for _ in 1...5 {
            guard let (outcome, received) = try await sendQueuedBeforeClose() else { continue }
            #expect(outcome.contains("errno \(EBADF)"), "\(outcome)")
            #expect(received == 0)
            return
        }
        Issue.record("in five tries, the closed connection's descriptor number was never the next one opened")
    }

    /// The send's outcome and the bytes the client received, or nil when a pipe opened
    /// right after the close did not get the closed connection's number.
    private func sendQueuedBeforeClose() async throws -> (outcome: String, received: Int)? {
        let server = try OneConnectionServer(backend: .epoll)
        defer { server.stop() }
        let port = server.port
        async let received = onThread {
            let client = try BlockingClient(port: port)
            return client.readToEnd().count
        }
        let outcome = await server.serve { connection, reactor in
            let sender = Task(executorPreference: reactor) { () -> String in
                let payload = IOBuffer()
                payload.append("never sent")
                do {
                    try await connection.send(payload)
                    return "sent"
                } catch {
                    return "\(error)"
                }
            }
            await Task.yield()  // the sender queues its send for the end of the turn
            connection.close()
            // The lowest free numbers: the connection's is one of them. Written to, a pipe
            // would fail with ENOTSOCK; the send must fail without trying.
            var pipe: [Int32] = [-1, -1]
            Glibc.pipe(&pipe)
            defer { pipe.forEach { Glibc.close($0) } }
            return (await sender.value, pipe.contains(connection.fd))
        }
        let count = try await received
        guard let outcome, outcome.1 else { return nil }
        return (outcome.0, count)
    }

    @Test(arguments: IOBackend.allCases)
    func receivingPausesAtTheHighWaterMarkAndResumes(backend: IOBackend) async throws {
        let server = try OneConnectionServer(backend: backend)
        defer { server.stop() }
        let port = server.port
        let total = 8 * 1024 * 1024
        async let sent: Void = onThread {
            let client = try BlockingClient(port: port)
            client.write(String(repeating: "y", count: total))
        }
        let observed = await server.serve { connection, reactor -> (held: Int, received: Int) in
            _ = try? await connection.receive(timeout: .seconds(5))
            // The client has far more to send than the mark; none of it is read meanwhile.
            try? await reactor.sleep(for: .milliseconds(300))
            let held = connection.inbound.readableCount
            var received = 0
            while received < total {
                received += connection.inbound.readableCount
                connection.consume(connection.inbound.readableCount)
                guard (try? await connection.receive(timeout: .seconds(5))) == true else { break }
            }
            return (held, received + connection.inbound.readableCount)
        }
        try await sent
        // Receiving stopped near the mark (io_uring also delivers what its multishot receive
        // took in before the cancellation landed), and everything arrived once read.
        #expect((observed?.held ?? .max) <= 4 * TCPConnection.defaultReceiveHighWaterMark)
        #expect(observed?.received == total)
    }

    @Test func unavailableIOUringExplainsTheCauseAndTheWayOut() {
        #expect(IOUringUnavailable(code: EPERM).description.contains("kernel.io_uring_disabled"))
        #expect(IOUringUnavailable(code: EPERM).description.contains("seccomp"))
        #expect(IOUringUnavailable(code: EPERM).description.contains("--io epoll"))
        #expect(IOUringUnavailable(code: ENOSYS).description.contains("ENOSYS"))
        #expect(IOUringUnavailable(code: EPERM).summary.hasPrefix("io_uring refused: EPERM"))
        #expect(IOUringUnavailable(missingFeature: "multishot receive", kernel: "5.15").summary
            == "io_uring lacks multishot receive on Linux 5.15, which needs 6.0")
    }

    @Test func automaticSelectionTakesIOUringWhereItIsPermitted() throws {
        let automatic = try IOBackendSelection.choose(nil)
        if let refusal = IOUringProbe.refusal() {
            #expect(automatic.backend == .epoll && automatic.fallbackReason == refusal.summary)
        } else {
            #expect(automatic.backend == .ioUring && automatic.description == "io_uring")
        }
        let forced = try IOBackendSelection.choose(.epoll)
        #expect(forced.backend == .epoll && forced.fallbackReason == nil)
    }

    @Test func theBackendWordsOfTheCommandLineAndEnvironmentParse() {
        #expect(IOBackend.parse("auto") == .some(nil))
        #expect(IOBackend.parse("io_uring") == .some(.ioUring))
        #expect(IOBackend.parse("epoll") == .some(.epoll))
        #expect(IOBackend.parse("uring") == nil)
    }

    @Test(arguments: IOBackend.allCases)
    func jobsFromOtherThreadsWakeASleepingReactor(backend: IOBackend) async throws {
        let group = try ReactorGroup(count: 1, backend: backend)
        defer { group.shutdown() }
        let reactor = group.reactors[0]
        for _ in 0..<100 {
            let ran = await Task(executorPreference: reactor) { reactor.isOnReactorThread }.value
            #expect(ran)
        }
    }

    @Test(arguments: IOBackend.allCases)
    func peerCloseEndsTheStream(backend: IOBackend) async throws {
        let server = try OneConnectionServer(backend: backend)
        defer { server.stop() }
        let port = server.port
        try await onThread {
            let client = try BlockingClient(port: port)
            client.write("bye")
        }
        let received = await server.serve { connection, _ in
            while (try? await connection.receive(timeout: .seconds(5))) == true {}
            return String(decoding: connection.inbound.readableBytes, as: UTF8.self)
        }
        #expect(received == "bye")
    }

    @Test func aPortHeldByAnotherReusePortGroupIsRefused() throws {
        let first = try ListeningSocket.group(address: SocketAddress(host: "127.0.0.1", port: 0), count: 2)
        let port = first[0].localAddress.port
        #expect(first[1].localAddress.port == port)
        #expect(throws: IOError.self) {
            _ = try ListeningSocket.group(address: SocketAddress(host: "127.0.0.1", port: port), count: 2)
        }
    }

    @Test func bindingATakenPortFailsWithAddressInUse() throws {
        let first = try ListeningSocket(address: SocketAddress(host: "127.0.0.1", port: 0), reusePort: false)
        #expect(throws: IOError(code: EADDRINUSE, operation: "bind 127.0.0.1:\(first.localAddress.port)")) {
            _ = try ListeningSocket(address: SocketAddress(host: "127.0.0.1", port: first.localAddress.port), reusePort: false)
        }
    }
}

extension Sequence where Element: Sendable {
    func asyncAllSatisfy(_ predicate: (Element) async -> Bool) async -> Bool {
        for element in self where !(await predicate(element)) { return false }
        return true
    }
}
