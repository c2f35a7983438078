@testable import IOUring
import Testing

@Suite("Deadline arithmetic")
struct DeadlineArithmeticTests {
    /// The crash of issue 10: a deadline passed less than a second ago is `(seconds: 0,
    /// attoseconds: < 0)`, which a check of the seconds alone let through to `UInt64(_:)`.
    @Test func aDeadlinePassedUnderASecondAgoIsZeroNanoseconds() {
        #expect(Duration(secondsComponent: 0, attosecondsComponent: -1).nanoseconds == 0)
        #expect(Duration.milliseconds(-999).nanoseconds == 0)
    }

    @Test func negativeDurationsAreZeroNanoseconds() {
        #expect(Duration.seconds(-1).nanoseconds == 0)
        #expect(Duration.milliseconds(-1500).nanoseconds == 0)
        #expect((Duration.zero - .nanoseconds(1)).nanoseconds == 0)
    }

    @Test func durationsTooLongToCountSaturate() {
        #expect(Duration.seconds(Int64.max).nanoseconds == .max)
        #expect(Duration(secondsComponent: 18_446_744_073, attosecondsComponent: 999_999_999_999_999_999).nanoseconds == .max)
        #expect(MonotonicClock.deadline(after: .seconds(Int64.max)) == .max)
    }

    @Test func ordinaryDurationsConvertExactly() {
        #expect(Duration.seconds(10).nanoseconds == 10_000_000_000)
        #expect(Duration.milliseconds(1500).nanoseconds == 1_500_000_000)
        #expect(Duration.nanoseconds(7).nanoseconds == 7)
    }
}
