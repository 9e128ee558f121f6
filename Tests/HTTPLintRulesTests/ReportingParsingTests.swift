@testable import HTTPLintRules
import Testing

/// The JSON reader behind the NEL and Report-To rules, and the endpoint URL verdicts of
/// reporting-endpoint-unusable.
@Suite struct ReportingParsingTests {
    @Test func readsJSONFieldMembers() throws {
        let members = try #require(JSONValue.members(of: #"{"a": [1, 2.5, -3e2], "b": "x\/y\u00e9\ud83d\ude00", "c": null}, , {"d": true}"#))
        #expect(members.count == 2)
        #expect(members[0]["b"]?.string == "x/y\u{E9}\u{1F600}")
        guard case .array(let numbers)? = members[0]["a"] else {
            Issue.record("a is not an array")
            return
        }
        #expect(numbers.map { if case .number(let n) = $0 { n } else { .nan } } == [1, 2.5, -300])
        #expect(members[1]["d"].map { if case .bool(true) = $0 { true } else { false } } == true)
        if case .null? = members[0]["c"] {} else { Issue.record("c is not null") }
    }

    @Test func repeatedMembersKeepTheLast() {
        #expect(JSONValue.members(of: #"{"group": "a", "group": "b"}"#)?.first?["group"]?.string == "b")
    }

    @Test func nonNegativeIntegers() {
        let values = JSONValue.members(of: "0, 86400, 86400.0, -1, 1.5, \"1\"") ?? []
        #expect(values.map { $0.nonNegativeInteger != nil } == [true, true, true, false, false, false])
    }

    @Test func rejectsWhatIsNotJSON() {
        for bad in ["{", "{\"a\" 1}", "[1,]x", "report_to=nel", "{\"a\": tru}", "\"open"] {
            #expect(JSONValue.members(of: bad) == nil, "\(bad) should not parse")
        }
        // Deep nesting gives up instead of exhausting the stack.
        #expect(JSONValue.members(of: String(repeating: "[", count: 10_000)) == nil)
    }

    @Test func endpointURLs() {
        for usable in ["https://r.example/x", "/relative", "r", "//r.example/x", "https://[2001:db8::1]:8443/", "http://localhost:8080/",
                       "http://a.localhost/", "http://127.0.0.1/", "http://[::1]/", "https://r.example:0443/", "https:r", "wss://r.example/", "https:///r.example/x", "https://\\r.example", " https://r.example:4\t43/ "] {
            #expect(EndpointURL.judge(usable) == .usable, "\(usable)")
        }
        for insecure in ["http://r.example/x", "HTTP://R.EXAMPLE", "ws://r.example/", "ftp://r.example/", "data:,x", "http://127.0.0.256/"] {
            #expect(EndpointURL.judge(insecure) == .notSecure, "\(insecure)")
        }
        for broken in ["https://", "https:///", "https://?x", "https://user@/x", "https://r.example:65536/", "https://r.example:8o/", "https://[::1/",
                       "https://r example/", "https://r<x>/"] {
            if case .notAURL = EndpointURL.judge(broken) {} else { Issue.record("\(broken) should not be a URL") }
        }
    }
}
