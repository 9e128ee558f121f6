/// HTTP dates (RFC 9110 §5.6.7):
///
///     HTTP-date    = IMF-fixdate / obs-date
///     IMF-fixdate  = day-name "," SP date1 SP time-of-day SP GMT     ; Sun, 06 Nov 1994 08:49:37 GMT
///     obs-date     = rfc850-date / asctime-date
///     rfc850-date  = day-name-l "," SP date2 SP time-of-day SP GMT   ; Sunday, 06-Nov-94 08:49:37 GMT
///     asctime-date = day-name SP date3 SP time-of-day SP year        ; Sun Nov  6 08:49:37 1994
///
/// Senders must use IMF-fixdate; recipients must accept all three.
public struct HTTPDate: Sendable, Hashable {
    public enum Format: String, Sendable {
        case imfFixdate = "IMF-fixdate"
        case rfc850 = "RFC 850"
        case asctime = "asctime"
    }

    public let format: Format
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSince1970: Int64

    /// Why `text` is not an HTTP date.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    private static let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let longDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// The three-letter names as numbers, for the fast path.
    private static let packedDays = days.map(pack)
    private static let packedMonths = months.map(pack)
    private static func pack(_ name: String) -> UInt32 { name.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

    /// Parses an HTTP date in any of the three formats, checking the weekday and the ranges.
    public static func parse(_ text: String) throws(Problem) -> HTTPDate {
        if let date = validIMFFixdate(text.utf8) { return date }
        return try parseInFull(text)
    }

    /// ``parse(_:)`` without the fast path for valid IMF-fixdates: every form, with the reason
    /// when `text` is not a date.
    static func parseInFull(_ text: String) throws(Problem) -> HTTPDate {
        let value = String(text.trimmingWhitespace())
        let parts = value.split(separator: " ", omittingEmptySubsequences: false)
        if parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT" {
            // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            let dayName = String(parts[0].dropLast())
            guard days.contains(dayName) else { throw Problem(description: "'\(dayName)' is not a day name (Mon … Sun)") }
            guard let day = number(parts[1], digits: 2...2) else { throw Problem(description: "the day '\(parts[1])' is not two digits") }
            guard let month = months.firstIndex(of: String(parts[2])) else { throw Problem(description: "'\(parts[2])' is not a month (Jan … Dec)") }
            guard let year = number(parts[3], digits: 4...4) else { throw Problem(description: "the year '\(parts[3])' is not four digits") }
            return try make(.imfFixdate, dayName: dayName, day: day, month: month + 1, year: year, time: parts[4])
        }
        if parts.count == 4, parts[0].hasSuffix(","), parts[3] == "GMT" {
            // rfc850-date: Sunday, 06-Nov-94 08:49:37 GMT
            let dayName = String(parts[0].dropLast())
            guard let index = longDays.firstIndex(of: dayName) else { throw Problem(description: "'\(dayName)' is not a full day name (Monday … Sunday)") }
            let date = parts[1].split(separator: "-", omittingEmptySubsequences: false)
            guard date.count == 3, let day = number(date[0], digits: 2...2), let month = months.firstIndex(of: String(date[1])),
                  let shortYear = number(date[2], digits: 2...2) else {
                throw Problem(description: "'\(parts[1])' is not a DD-Mon-YY date")
            }
            // RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is in the past century.
            let year = shortYear < 70 ? 2000 + shortYear : 1900 + shortYear
            return try make(.rfc850, dayName: days[index], day: day, month: month + 1, year: year, time: parts[2])
        }
        let compact = value.split(separator: " ", omittingEmptySubsequences: true)
        if compact.count == 5, days.contains(String(compact[0])), let month = months.firstIndex(of: String(compact[1])) {
            // asctime-date: Sun Nov  6 08:49:37 1994
            guard let day = number(compact[2], digits: 1...2) else { throw Problem(description: "the day '\(compact[2])' is not a number") }
            guard let year = number(compact[4], digits: 4...4) else { throw Problem(description: "the year '\(compact[4])' is not four digits") }
            return try make(.asctime, dayName: String(compact[0]), day: day, month: month + 1, year: year, time: compact[3])
        }
        throw Problem(description: "it is not an HTTP date such as 'Sun, 06 Nov 1994 08:49:37 GMT'")
    }

    /// ``parse(_:)`` from the value's bytes.
    public static func parse<C: Collection>(bytes: C) throws(Problem) -> HTTPDate where C.Element == UInt8 {
        if let date = validIMFFixdate(bytes) { return date }
        return try parseInFull(SourceText.decode(bytes))
    }

    /// ``parse(bytes:)`` for a field value's bytes (the readings' case), without the generic path.
    public static func parse(bytes: ArraySlice<UInt8>) throws(Problem) -> HTTPDate {
        if let date = bytes.withUnsafeBufferPointer(validIMFFixdate) { return date }
        return try parseInFull(SourceText.decode(bytes))
    }

    /// The date when `bytes` are exactly a valid IMF-fixdate (the form nearly every date
    /// has), read without building strings; `nil` for anything else, which the full parser
    /// then reads and explains.
    static func validIMFFixdate<C: Collection>(_ bytes: C) -> HTTPDate? where C.Element == UInt8 {
        bytes.withContiguousStorageIfAvailable(validIMFFixdate) ?? Array(bytes).withUnsafeBufferPointer(validIMFFixdate)
    }

    /// ``validIMFFixdate(_:)`` on contiguous bytes.
    static func validIMFFixdate(_ b: UnsafeBufferPointer<UInt8>) -> HTTPDate? {
        guard b.count == 29 else { return nil }
        // "Sun, 06 Nov 1994 08:49:37 GMT"
        guard b[3] == 0x2C, b[4] == 0x20, b[7] == 0x20, b[11] == 0x20, b[16] == 0x20, b[19] == 0x3A,
              b[22] == 0x3A, b[25] == 0x20, b[26] == 0x47, b[27] == 0x4D, b[28] == 0x54 else { return nil }
        // The twelve digits (day, year, time), each checked as it is read; `valid` collects every check.
        var valid = true
        @inline(__always) func digit(_ index: Int) -> Int {
            let value = b[index] &- 0x30
            valid = valid && value <= 9
            return Int(value)
        }
        let day = digit(5) * 10 + digit(6)
        let year = digit(12) * 1000 + digit(13) * 100 + digit(14) * 10 + digit(15)
        let hour = digit(17) * 10 + digit(18), minute = digit(20) * 10 + digit(21), second = digit(23) * 10 + digit(24)
        @inline(__always) func packed(_ start: Int) -> UInt32 {
            UInt32(b[start]) << 16 | UInt32(b[start + 1]) << 8 | UInt32(b[start + 2])
        }
        guard valid, let weekday = packedDays.firstIndex(of: packed(0)), let month = packedMonths.firstIndex(of: packed(8)),
              hour < 24, minute < 60, second <= 60, day >= 1, day <= daysIn(month: month + 1, year: year) else { return nil }
        let daysSince1970 = Self.daysSince1970(year: year, month: month + 1, day: day)
        guard Int(((daysSince1970 % 7) + 7 + 3) % 7) == weekday else { return nil }
        return HTTPDate(format: .imfFixdate,
                        secondsSince1970: daysSince1970 * 86_400 + Int64(hour * 3600 + minute * 60 + second))
    }

    /// The value of `text` when it is `digits` ASCII digits and nothing else (no sign, no
    /// other script's digits).
    private static func number(_ text: Substring, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(text.utf8.count), text.utf8.allSatisfy(ASCII.isDigit) else { return nil }
        return text.utf8.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// The number of days of `month` (1–12) in `year`.
    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func make(_ format: Format, dayName: String, day: Int, month: Int, year: Int, time: Substring) throws(Problem) -> HTTPDate {
        let clock = time.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, let hour = number(clock[0], digits: 2...2), let minute = number(clock[1], digits: 2...2),
              let second = number(clock[2], digits: 2...2) else {
            throw Problem(description: "the time '\(time)' is not HH:MM:SS")
        }
        guard hour < 24, minute < 60, second <= 60 else { throw Problem(description: "the time '\(time)' is out of range") }
        guard day >= 1, day <= daysIn(month: month, year: year) else {
            throw Problem(description: "\(months[month - 1]) \(year) has no day \(day)")
        }
        let daysSince1970 = Self.daysSince1970(year: year, month: month, day: day)
        // 1970-01-01 was a Thursday (index 3 from Monday).
        let weekday = days[Int(((daysSince1970 % 7) + 7 + 3) % 7)]
        guard weekday == dayName else {
            throw Problem(description: "\(day < 10 ? "0" : "")\(day) \(months[month - 1]) \(year) was a \(weekday), not a \(dayName)")
        }
        return HTTPDate(format: format, secondsSince1970: daysSince1970 * 86_400 + Int64(hour * 3600 + minute * 60 + second))
    }

    private static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days from 1970-01-01 to the given civil date (proleptic Gregorian calendar).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
