import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// X-Content-Type-Options read as Fetch's "determine nosniff" does: the first member of the
/// combined value, empty members kept, only SP and HTAB trimmed. The verdicts are those of the
/// web-platform-tests vectors for that algorithm.
@Suite struct ContentTypeOptionsTests {
    /// Field lines, and whether browsers honour nosniff for them.
    static let cases: [(fields: String, nosniff: Bool)] = [
        ("X-Content-Type-Options: NOSNIFF", true),
        ("x-content-type-OPTIONS: nosniff", true),
        ("X-Content-Type-Options: nosniff,,@#$#%%&^&^*()()11!", true),
        ("X-Content-Type-Options: @#$#%%&^&^*()()11!,nosniff", false),
        ("X-Content-Type-Options: nosniff\r\nX-Content-Type-Options: no", true),
        ("X-Content-Type-Options: no\r\nX-Content-Type-Options: nosniff", false),
        ("X-Content-Type-Options:\r\nX-Content-Type-Options: nosniff", false),
        ("X-Content-Type-Options: nosniff\r\nX-Content-Type-Options: nosniff", true),
        ("X-Content-Type-Options: ,nosniff", false),
        ("X-Content-Type-Options: nosniff\u{0C}", false),
        ("X-Content-Type-Options: nosniff\u{0B}", false),
        ("X-Content-Type-Options: nosniff\u{0B},nosniff", false),
        ("X-Content-Type-Options: 'NosniFF'", false),
        ("X-Content-Type-Options: \"nosniFF\"", false),
        ("X-Content-Type-Options: \t nosniff \t, x", true),
    ]

    @Test func firstMemberDecides() {
        for (fields, nosniff) in Self.cases {
            let response = "HTTP/1.1 200 OK\r\n\(fields)\r\nContent-Length: 0\r\n\r\n"
            #expect(findings(of: ContentTypeOptionsNotNosniff.self, in: response).isEmpty == nosniff, "\(fields)")
        }
    }
}
