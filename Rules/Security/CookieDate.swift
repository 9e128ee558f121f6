/// The lenient date parser user agents apply to a cookie's Expires attribute (RFC 6265bis
/// §5.1.1, RFC 6265 §5.1.1): the value is cut into tokens at delimiters, and the first tokens
/// that look like a time, a day of the month, a month and a year are taken, in any order.
enum CookieDate {
    /// What the algorithm read, or nil where it fails to parse the date.
    struct Parsed {
        let year: Int
        /// Whether the year was written with two digits (and so had 1900 or 2000 added).
        let twoDigitYear: Bool
    }

    static func parse(_ text: String) -> Parsed? {
        let bytes = Array(text.utf8)
        var tokens: [ArraySlice<UInt8>] = []
        var start: Int?
        for (index, byte) in bytes.enumerated() {
            if isDelimiter(byte) {
                if let begin = start { tokens.append(bytes[begin..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let begin = start { tokens.append(bytes[begin...]) }

        var time: (Int, Int, Int)?
        var day: Int?
        var month: Int?
        var year: (value: Int, digits: Int)?
        for token in tokens {
            if time == nil, let found = hmsTime(token) { time = found; continue }
            if day == nil, let found = leadingDigits(token, 1...2) { day = found.value; continue }
            if month == nil, let found = monthIndex(token) { month = found; continue }
            if year == nil, let found = leadingDigits(token, 2...4) { year = (found.value, found.digits); continue }
        }
        guard let (hour, minute, second) = time, let day, let month, let year else { return nil }
        var yearValue = year.value
        if yearValue >= 70 && yearValue <= 99 { yearValue += 1900 } else if yearValue >= 0 && yearValue <= 69 { yearValue += 2000 }
        guard day >= 1, day <= 31, yearValue >= 1601, hour <= 23, minute <= 59, second <= 59 else { return nil }
        let leap = yearValue % 4 == 0 && (yearValue % 100 != 0 || yearValue % 400 == 0)
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= monthDays[month] else { return nil }
        return Parsed(year: yearValue, twoDigitYear: year.digits == 2)
    }

    /// delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x20...0x2F, 0x3B...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `n*mDIGIT [ non-digit *OCTET ]`: the number and how many digits it had.
    private static func leadingDigits(_ token: ArraySlice<UInt8>, _ count: ClosedRange<Int>) -> (value: Int, digits: Int)? {
        var value = 0
        var digits = 0
        for byte in token {
            guard isDigit(byte) else { break }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
            if digits > count.upperBound { return nil }
        }
        return count.contains(digits) ? (value, digits) : nil
    }

    /// `time-field ":" time-field ":" time-field [ non-digit *OCTET ]`, each field 1*2DIGIT.
    private static func hmsTime(_ token: ArraySlice<UInt8>) -> (Int, Int, Int)? {
        var fields: [Int] = []
        var index = token.startIndex
        while fields.count < 3 {
            var value = 0
            var digits = 0
            while index < token.endIndex, isDigit(token[index]), digits < 3 {
                value = value * 10 + Int(token[index] - 0x30)
                digits += 1
                index += 1
            }
            guard (1...2).contains(digits) else { return nil }
            fields.append(value)
            if fields.count < 3 {
                guard index < token.endIndex, token[index] == 0x3A else { return nil }
                index += 1
            }
        }
        if index < token.endIndex, isDigit(token[index]) { return nil }
        return (fields[0], fields[1], fields[2])
    }

    /// The month whose three-letter name starts the token (case-insensitive), 0-based.
    private static func monthIndex(_ token: ArraySlice<UInt8>) -> Int? {
        guard token.count >= 3 else { return nil }
        let prefix = String(decoding: token.prefix(3), as: UTF8.self).asciiLowercased()
        return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].firstIndex(of: prefix)
    }
}
