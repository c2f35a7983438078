@testable import IOUring
import Testing

@Suite("Timer queue")
struct TimerQueueTests {
    /// Records when it was checked; asks to be checked again at `again`, if set.
    final class Probe: DeadlineTarget {
        var timerQueueIndex: Int?
        var checkedAt: [UInt64] = []
        var again: UInt64?

        func checkDeadline(now: UInt64) -> UInt64? {
            checkedAt.append(now)
            defer { again = nil }
            return again
        }
    }

    @Test func targetsAreCheckedInDeadlineOrderOncePassed() {
        var queue = TimerQueue()
        let probes = (0..<50).map { _ in Probe() }
        for (index, probe) in probes.enumerated() { queue.schedule(probe, at: UInt64((index * 37) % 50)) }
        #expect(queue.earliest == 0)
        queue.fireExpired(now: 24)
        #expect(probes.filter { !$0.checkedAt.isEmpty }.count == 25)
        #expect(queue.count == 25)
        #expect(queue.earliest == 25)
    }

    @Test func aTargetIsQueuedOnceHoweverOftenItsCheckMoves() {
        var queue = TimerQueue()
        let probe = Probe()
        queue.schedule(probe, at: 100)
        queue.schedule(probe, at: 40)
        queue.schedule(probe, at: 70)
        #expect(queue.count == 1)
        #expect(queue.earliest == 70)
    }

    /// What keeps churn from holding memory: a closed connection leaves the queue at once
    /// instead of waiting there, with its buffers, until its keep-alive deadline.
    @Test func aRemovedTargetIsReleasedAndNeverChecked() {
        var queue = TimerQueue()
        let kept = Probe()
        weak var removed: Probe?
        do {
            let probe = Probe()
            removed = probe
            queue.schedule(probe, at: 10)
            queue.schedule(kept, at: 20)
            queue.remove(probe)
        }
        #expect(removed == nil)
        #expect(queue.count == 1)
        queue.fireExpired(now: 100)
        #expect(kept.checkedAt == [100])
        #expect(queue.isEmpty)
    }

    @Test func aTargetThatStillWaitsIsQueuedAgainAtTheTimeItAsks() {
        var queue = TimerQueue()
        let probe = Probe()
        probe.again = 500
        queue.schedule(probe, at: 10)
        queue.fireExpired(now: 10)
        #expect(queue.earliest == 500)
        queue.fireExpired(now: 499)
        #expect(probe.checkedAt == [10])
        queue.fireExpired(now: 500)
        #expect(probe.checkedAt == [10, 500])
        #expect(queue.isEmpty)
    }

    @Test func removingFromTheMiddleKeepsTheOrder() {
        var queue = TimerQueue()
        let probes = (0..<100).map { _ in Probe() }
        for (index, probe) in probes.enumerated() { queue.schedule(probe, at: UInt64(100 - index)) }
        for probe in probes where probe.timerQueueIndex! % 3 == 0 { queue.remove(probe) }
        var order: [UInt64] = []
        while let earliest = queue.earliest {
            order.append(earliest)
            queue.fireExpired(now: earliest)
        }
        #expect(order == order.sorted())
        #expect(order.count == probes.filter { !$0.checkedAt.isEmpty }.count)
    }
}
