import HTTPLintCore
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
}
