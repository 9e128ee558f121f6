@testable import HTTPLintCore
import Testing

/// HTTP dates (RFC 9110 §5.6.7): the three forms of the RFC's own example, and the ways a
/// date goes wrong.
@Suite struct HTTPDateTests {
    @Test func theThreeFormsOfTheRFCExampleAreTheSameInstant() throws {
        let fixdate = try HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT")
        let rfc850 = try HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT")
        let asctime = try HTTPDate.parse("Sun Nov  6 08:49:37 1994")
        #expect(fixdate.secondsSince1970 == 784_111_777)
        #expect(rfc850.secondsSince1970 == 784_111_777 && asctime.secondsSince1970 == 784_111_777)
        #expect([fixdate.format, rfc850.format, asctime.format] == [.imfFixdate, .rfc850, .asctime])
    }

    @Test func epochLeapDaysAndTwoDigitYears() throws {
        #expect(try HTTPDate.parse("Thu, 01 Jan 1970 00:00:00 GMT").secondsSince1970 == 0)
        #expect(try HTTPDate.parse("Tue, 29 Feb 2000 12:00:00 GMT").secondsSince1970 == 951_825_600)
        #expect(try HTTPDate.parse("Saturday, 21-Nov-26 10:00:00 GMT").secondsSince1970
                == (try HTTPDate.parse("Sat, 21 Nov 2026 10:00:00 GMT")).secondsSince1970)
    }

    @Test(arguments: [
        ("Mon, 06 Nov 1994 08:49:37 GMT", "was a Sun, not a Mon"),
        ("Sun, 31 Nov 1994 08:49:37 GMT", "has no day 31"),
        ("Thu, 29 Feb 2001 08:49:37 GMT", "has no day 29"),
        ("Sun, 06 Nov 1994 24:00:00 GMT", "out of range"),
        ("Sun, 06 Nov 1994 08:49:37 UTC", "not an HTTP date"),
        ("Sun, 6 Nov 1994 08:49:37 GMT", "not two digits"),
        ("2026-11-21T10:00:00Z", "not an HTTP date"),
        // Signs and other scripts' digits are not DIGIT.
        ("Sun, +6 Nov 1994 08:49:37 GMT", "not two digits"),
        ("Sat, 01 Jan -025 08:49:37 GMT", "not four digits"),
        ("Sunday, +6-Nov-94 08:49:37 GMT", "not a DD-Mon-YY date"),
        ("Sun Nov +6 08:49:37 1994", "not a number"),
        ("Sun, 06 Nov 1994 0\u{0668}:49:37 GMT", "not HH:MM:SS"),
        ("0", "not an HTTP date"),
        ("", "not an HTTP date"),
    ])
    func invalidDatesSayWhy(_ text: String, _ reason: String) {
        #expect {
            _ = try HTTPDate.parse(text)
        } throws: { error in
            String(describing: error).contains(reason)
        }
    }

    /// The fast path for valid IMF-fixdates accepts exactly what the full parser accepts as an
    /// IMF-fixdate, with the same instant: checked on every one-byte change of a few dates.
    @Test func fastPathAgreesWithTheFullParser() {
        let bases = ["Sun, 06 Nov 1994 08:49:37 GMT", "Tue, 29 Feb 2000 23:59:60 GMT", "Thu, 01 Jan 1970 00:00:00 GMT",
                     "Wed, 31 Dec 2025 12:30:09 GMT"]
        let replacements = Array("0123456789 ,:-ASTWFMJDGZaenu\t\u{7F}".utf8) + [0x80, 0xFF, 0x2F, 0x3A]
        var checked = 0, accepted = 0
        for base in bases {
            let bytes = Array(base.utf8)
            for position in bytes.indices {
                for replacement in replacements {
                    var changed = bytes
                    changed[position] = replacement
                    let fast = changed.withUnsafeBufferPointer(HTTPDate.validIMFFixdate)
                    let full = try? HTTPDate.parseInFull(String(decoding: changed, as: UTF8.self))
                    let fullFixdate = full?.format == .imfFixdate ? full : nil
                    #expect(fast == fullFixdate, "\(String(decoding: changed, as: UTF8.self))")
                    #expect((try? HTTPDate.parse(bytes: changed[...])) == full)
                    checked += 1
                    if fast != nil { accepted += 1 }
                }
            }
        }
        // Both kinds were seen: changes that keep a valid date (a digit for a digit) and ones that do not.
        #expect(checked > 3000 && accepted > 50 && accepted < checked / 2)
    }
}
