@testable import HTTPLintRules
import Testing

/// The challenge-list parser behind the WWW-Authenticate and Proxy-Authenticate rules.
@Suite struct AuthChallengesTests {
    func summary(_ value: String) -> [String] {
        AuthChallenges.parse(value: value).challenges.map { challenge in
            ([challenge.scheme] + (challenge.token68.map { [$0] } ?? [])
                + challenge.parameters.map { "\($0.name)=\($0.value)" }).joined(separator: " ")
        }
    }

    @Test func splitsChallengesFromParameters() {
        #expect(summary(#"Basic realm="simple", Newauth realm="apps", type=1, title="Login to \"apps\"""#)
                == ["Basic realm=simple", #"Newauth realm=apps type=1 title=Login to "apps""#])
        #expect(summary("Negotiate, NTLM") == ["Negotiate", "NTLM"])
        #expect(summary("Negotiate abc+/==, Basic realm=x") == ["Negotiate abc+/==", "Basic realm=x"])
        #expect(summary("Bearer a=b,, ,c = \"d\" , Basic") == ["Bearer a=b c=d", "Basic"])
        #expect(summary("Basic realm=\"a,b\", charset=UTF-8") == ["Basic realm=a,b charset=UTF-8"])
        // A lone word or one ending in '=' is a token68, not a parameter.
        #expect(summary("Scheme abc=") == ["Scheme abc="])
        #expect(summary("Basic realm") == ["Basic realm"])
        #expect(summary("") == [])
    }

    @Test func stopsAtTheFirstError() {
        for bad in ["Basic realm=My Realm", "Basic realm=\"x", "Basic;realm=x", "\"Basic\"", "Bearer a=b c=d",
                    "Basic realm=x, \"y\"", "Basic a=b, c="] {
            #expect(AuthChallenges.parse(value: bad).problem != nil, "\(bad) should not parse")
        }
        #expect(AuthChallenges.parse(value: "Basic realm=\"x\", Bearer a==b").challenges.map(\.scheme) == ["Basic"])
    }
}
