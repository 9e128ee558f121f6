import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// Strict-Transport-Security directives read in place: repeats in any case, max-age with no
/// value, an empty value, quotes, stray `=` and empty directives.
@Suite struct StrictTransportSecurityTests {
    static let cases: [(value: String, messages: [String])] = [
        ("max-age=60; MAX-AGE=60", ["Strict-Transport-Security repeats max-age; browsers ignore the whole field"]),
        ("max-age=", ["Strict-Transport-Security max-age '' is not a number of seconds; browsers ignore the whole field"]),
        ("max-age", ["Strict-Transport-Security max-age '' is not a number of seconds; browsers ignore the whole field"]),
        (" MAX-AGE = 600 ;includeSubDomains;", []),
        ("=max-age=5", []),
        ("==max-age==5", ["Strict-Transport-Security max-age '=5' is not a number of seconds; browsers ignore the whole field"]),
        ("max-age=\"\"", ["Strict-Transport-Security max-age '\"\"' is not a number of seconds; browsers ignore the whole field"]),
        ("max-age=\"12\"; preload; Preload", ["Strict-Transport-Security repeats preload; browsers ignore the whole field"]),
        ("; ;max-age=1", []),
        ("", ["Strict-Transport-Security has no max-age; browsers ignore the whole field"]),
        ("includeSubDomains=; max-age=0", []),
        ("max-age=1=2", ["Strict-Transport-Security max-age '1=2' is not a number of seconds; browsers ignore the whole field"]),
        ("a=b; c", ["Strict-Transport-Security has no max-age; browsers ignore the whole field"]),
    ]

    @Test func directives() {
        for (value, messages) in Self.cases {
            let response = "HTTP/1.1 200 OK\r\nStrict-Transport-Security: \(value)\r\nContent-Length: 0\r\n\r\n"
            #expect(findings(of: InvalidStrictTransportSecurity.self, in: response).map(\.message) == messages, "\(value)")
        }
    }
}
