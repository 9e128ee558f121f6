import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// The serialized-CSP splitter behind the CSP rules (CSP Level 3 §2.2.1): directives at ";",
/// words at ASCII whitespace, a directive with a non-ASCII byte skipped whole, names lowercased.
@Suite struct CSPParsingTests {
    func read(_ policy: String) -> [String] {
        ContentSecurityPolicy.directives(of: policy).map { directive in
            ([directive.name + "(" + directive.writtenName + ")"] + directive.values).joined(separator: " ")
        }
    }

    @Test func directivesAndValues() {
        #expect(read("default-src 'self'; Script-Src 'self' https://a.example") ==
                ["default-src(default-src) 'self'", "script-src(Script-Src) 'self' https://a.example"])
        #expect(read("") == [] && read(";;") == [] && read(" ; \t ;") == [])
        #expect(read("upgrade-insecure-requests;") == ["upgrade-insecure-requests(upgrade-insecure-requests)"])
        // TAB, LF, FF and CR separate words as SPACE does; other controls do not.
        #expect(read("img-src\ta\nb\u{0C}c\rd  e") == ["img-src(img-src) a b c d e"])
        #expect(read("img-src a\u{0B}b") == ["img-src(img-src) a\u{0B}b"])
    }

    @Test func nonASCIIDirectivesAreSkippedWhole() {
        #expect(read("img-src https://é.example; style-src 'none'") == ["style-src(style-src) 'none'"])
        #expect(read("ímg-src a;font-src b ") == ["font-src(font-src) b"])
        #expect(read("img-src a\u{A0}b") == [])
    }

    @Test func directiveKindsAreLookedUpOnce() {
        let directives = ContentSecurityPolicy.directives(of: "Script-Src a; report-to b; x-made-up c")
        #expect(directives.map(\.isKnown) == [true, true, false])
        #expect(directives.map(\.isSourceList) == [true, false, false])
        for name in ContentSecurityPolicy.knownDirectives {
            let directive = ContentSecurityPolicy.directives(of: name)[0]
            #expect(directive.isKnown && directive.isSourceList == ContentSecurityPolicy.sourceListDirectives.contains(name))
        }
    }

    /// Repeats are found by comparing names in a short policy and by a set in a long one: both
    /// ways report the same repeats.
    @Test func repeatedDirectivesInShortAndLongPolicies() {
        for count in [3, 40] {
            let names = (0..<count).map { "x-\($0)" }
            let policy = (names + ["img-src a", "X-1 b", "img-src c"]).joined(separator: "; ")
            let text = "HTTP/1.1 200 OK\r\nDate: Sun, 22 Nov 2026 10:00:00 GMT\r\nContent-Security-Policy: \(policy)\r\nContent-Length: 0\r\n\r\n"
            guard let exchange = ResponseParser.parse(SourceText(name: "t", text: text)).first else {
                Issue.record("no exchange")
                return
            }
            var reporter = FindingReporter(rule: CSPDirectiveRepeated.description, exchangeIndex: exchange.index)
            CSPDirectiveRepeated().check(exchange, &reporter)
            #expect(reporter.findings.map(\.message) == ["Content-Security-Policy names x-1 twice in one policy; browsers ignore the second",
                                                "Content-Security-Policy names img-src twice in one policy; browsers ignore the second"])
        }
    }

    @Test func keywordsComparedWithoutCase() {
        #expect("'Unsafe-Inline'".equalsIgnoringASCIICase("'unsafe-inline'"))
        #expect(!"'unsafe-inline".equalsIgnoringASCIICase("'unsafe-inline'"))
        #expect(!"\u{212A}".equalsIgnoringASCIICase("k"))  // the Kelvin sign is not an ASCII letter
        #expect(!CSPKeywordWithoutQuotes.isUnquotedKeyword("'self'"))
        #expect(CSPKeywordWithoutQuotes.isUnquotedKeyword("Self"))
        #expect(CSPKeywordWithoutQuotes.isUnquotedKeyword("nonce-abc123"))
        #expect(!CSPKeywordWithoutQuotes.isUnquotedKeyword("nonce-cdn.example"))
        #expect(!CSPKeywordWithoutQuotes.isUnquotedKeyword("self:8443"))
    }
}
