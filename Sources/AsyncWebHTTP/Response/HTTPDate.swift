package import FoundationEssentials

/// Reading HTTP dates (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110's IMF-fixdate) back into
/// seconds since 1970; writing them is ``DateHeaderCache``'s job.
package enum HTTPDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The seconds a date can have: the years 1 to 9999, all Python's `datetime` holds,
    /// so a date Werkzeug could not read is refused here too, and every date written has
    /// a four-digit year.
    package static let representableSeconds = -62_135_596_800...253_402_300_799

    /// The date's seconds, or nil when it is not a date Werkzeug's `parse_date` reads:
    /// a field out of range (`32 Nov`, `25:00:00`, year 99999) makes it no date at all,
    /// and a two-digit year is read as `email.utils` reads it (`94` is 1994, `00` 2000).
    package static func parse(_ text: Substring) -> Int? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]),
            let month = months.firstIndex(of: String(parts[2])), let writtenYear = Int(parts[3])
        else { return nil }
        let time = parts[4].split(separator: ":")
        guard time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]) else { return nil }
        let year = writtenYear < 100 ? writtenYear + (writtenYear > 68 ? 1900 : 2000) : writtenYear
        guard (1...9999).contains(year), (1...daysIn(month: month + 1, of: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        return daysSinceEpoch(year: year, month: month + 1, day: day) * 86400 + hour * 3600 + minute * 60 + second
    }

    /// `date` in whole seconds (toward the past, as Python's `timetuple()` drops the
    /// fraction), brought within ``representableSeconds``: a `Date` can hold any
    /// `Double`, and converting one past `Int`'s range to `Int` would trap.
    package static func wholeSeconds(_ date: Date) -> Int {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        if seconds.isNaN { return representableSeconds.lowerBound }
        let bounds = representableSeconds
        return Int(min(max(seconds, Double(bounds.lowerBound)), Double(bounds.upperBound)))
    }

    private static func daysIn(month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }
}
