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
}
