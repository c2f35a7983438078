#if canImport(Glibc)
import Glibc
#endif

/// The `Date` header value (RFC 9110 IMF-fixdate), formatted once per second.
///
/// Each connection keeps one, so there is no lock and no Foundation date formatting on the
/// request path: `time()` is a vDSO call, and the 29 bytes change once a second.
package struct DateHeaderCache {
    private var second = 0
    private var formatted: [UInt8] = []

    private static let days = Array("SunMonTueWedThuFriSat".utf8)
    private static let months = Array("JanFebMarAprMayJunJulAugSepOctNovDec".utf8)

    /// The current date, e.g. `Tue, 25 Nov 2026 09:00:00 GMT`.
    package mutating func current() -> [UInt8] {
        let now = time(nil)
        if now != second || formatted.isEmpty {
            second = now
            formatted = Self.format(now)
        }
        return formatted
    }

    /// The date `seconds` after 1970, or the nearest one with a four-digit year: a cookie's
    /// `Expires` computed from a huge `max_age` must not print a year `gmtime` cannot hold,
    /// or one whose digits do not fit the format.
    package static func format(_ seconds: Int) -> [UInt8] {
        var value = min(max(seconds, HTTPDate.representableSeconds.lowerBound), HTTPDate.representableSeconds.upperBound)
        var parts = tm()
        gmtime_r(&value, &parts)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(29)
        let day = Int(parts.tm_wday) * 3
        bytes += days[day..<day + 3]
        bytes += Array(", ".utf8)
        appendTwoDigits(Int(parts.tm_mday), to: &bytes)
        bytes.append(32)
        let month = Int(parts.tm_mon) * 3
        bytes += months[month..<month + 3]
        bytes.append(32)
        let year = Int(parts.tm_year) + 1900
        appendTwoDigits(year / 100, to: &bytes)
        appendTwoDigits(year % 100, to: &bytes)
        bytes.append(32)
        appendTwoDigits(Int(parts.tm_hour), to: &bytes)
        bytes.append(58)
        appendTwoDigits(Int(parts.tm_min), to: &bytes)
        bytes.append(58)
        appendTwoDigits(Int(parts.tm_sec), to: &bytes)
        bytes += Array(" GMT".utf8)
        return bytes
    }

    private static func appendTwoDigits(_ value: Int, to bytes: inout [UInt8]) {
        bytes.append(UInt8(48 + value / 10))
        bytes.append(UInt8(48 + value % 10))
    }
}
