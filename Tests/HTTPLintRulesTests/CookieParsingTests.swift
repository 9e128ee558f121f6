@testable import HTTPLintRules
import Testing

/// The lenient cookie-date algorithm behind invalid-cookie-expires (RFC 6265 §5.1.1).
@Suite struct CookieDateTests {
    @Test func readsWhatBrowsersRead() {
        #expect(CookieDate.parse("Wed, 21 Oct 2026 07:28:00 GMT")?.year == 2026)
        #expect(CookieDate.parse("Wed, 21-Oct-2026 07:28:00 GMT")?.year == 2026)
        #expect(CookieDate.parse("Sun Nov  6 08:49:37 1994")?.year == 1994)
        #expect(CookieDate.parse("21 october 2026 7:28:0")?.year == 2026)
        let twoDigit = CookieDate.parse("Wednesday, 21-Oct-26 07:28:00 GMT")
        #expect(twoDigit?.year == 2026 && twoDigit?.twoDigitYear == true)
        #expect(CookieDate.parse("Thu, 01-Jan-70 00:00:01 GMT")?.year == 1970)
    }

    @Test func failsWhereBrowsersFail() {
        for bad in ["0", "-1", "", "2026-10-21T07:28:00Z", "Wed, 21 Oct 2026", "Wed, 31 Feb 2026 07:28:00 GMT",
                    "Wed, 21 Oct 2026 24:00:00 GMT", "Wed, 21 Oct 1500 07:28:00 GMT", "tomorrow"] {
            #expect(CookieDate.parse(bad) == nil, "\(bad) should not parse")
        }
    }
}
