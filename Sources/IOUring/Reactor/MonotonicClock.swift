#if canImport(Glibc)
import Glibc
#endif

/// Nanoseconds on `CLOCK_MONOTONIC`: what reactor deadlines are measured in.
enum MonotonicClock {
    @inline(__always)
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// `now` plus a duration, saturating instead of overflowing.
    static func deadline(after duration: Duration) -> UInt64 {
        let (sum, overflow) = now().addingReportingOverflow(duration.nanoseconds)
        return overflow ? .max : sum
    }
}

extension Duration {
    /// The duration in whole nanoseconds: zero for a negative duration (a deadline already
    /// passed), `UInt64.max` for one too long to count. Never traps, whatever the value.
    var nanoseconds: UInt64 {
        // `components` splits a negative duration with both parts ≤ 0, but a duration under
        // a second has `seconds == 0` and only the attoseconds say it is negative.
        let (seconds, attoseconds) = components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .max }
        let (total, carry) = whole.addingReportingOverflow(UInt64(attoseconds / 1_000_000_000))
        return carry ? .max : total
    }
}
