#if canImport(Glibc)
import Glibc
#endif

/// The local time of access-log lines, formatted once a second.
///
/// Each reactor's log buffer keeps one, so lines pay for a `time()` (a vDSO call) and a copy
/// of a few bytes; `localtime_r` runs when the second changes.
struct AccessLogClock {
    private var second = -1
    /// `06/Dec/2026 10:00:00`, as Werkzeug's `log_date_time_string`.
    private(set) var werkzeugTime: [UInt8] = []
    /// `06/Dec/2026:10:00:00 +0100`, as Apache's and nginx's `%t` without its brackets.
    private(set) var combinedTime: [UInt8] = []

    private static let months = Array("JanFebMarAprMayJunJulAugSepOctNovDec".utf8)

    /// Brings the formatted times up to the current second.
    mutating func update() {
        update(to: time(nil))
    }

    /// Brings the formatted times to the local time `seconds` after 1970.
    mutating func update(to seconds: Int) {
        guard seconds != second else { return }
        second = seconds
        var value = seconds
        var parts = tm()
        localtime_r(&value, &parts)
        var date: [UInt8] = []
        date.reserveCapacity(11)
        appendTwoDigits(Int(parts.tm_mday), to: &date)
        date.append(UInt8(ascii: "/"))
        let month = Int(parts.tm_mon) * 3
        date += Self.months[month..<month + 3]
        date.append(UInt8(ascii: "/"))
        let year = Int(parts.tm_year) + 1900
        appendTwoDigits(year / 100 % 100, to: &date)
        appendTwoDigits(year % 100, to: &date)
        var clock: [UInt8] = []
        clock.reserveCapacity(8)
        appendTwoDigits(Int(parts.tm_hour), to: &clock)
        clock.append(UInt8(ascii: ":"))
        appendTwoDigits(Int(parts.tm_min), to: &clock)
        clock.append(UInt8(ascii: ":"))
        appendTwoDigits(Int(parts.tm_sec), to: &clock)

        werkzeugTime = date + [UInt8(ascii: " ")] + clock
        let offsetMinutes = parts.tm_gmtoff / 60
        var zone: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: offsetMinutes < 0 ? "-" : "+")]
        appendTwoDigits(abs(offsetMinutes) / 60, to: &zone)
        appendTwoDigits(abs(offsetMinutes) % 60, to: &zone)
        combinedTime = date + [UInt8(ascii: ":")] + clock + zone
    }

    private func appendTwoDigits(_ value: Int, to bytes: inout [UInt8]) {
        bytes.append(UInt8(48 + value / 10 % 10))
        bytes.append(UInt8(48 + value % 10))
    }
}
