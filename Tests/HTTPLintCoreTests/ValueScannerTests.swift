import HTTPLintCore
import Testing

/// The value cursor's three ways of reading a token agree on where it ends.
@Suite struct ValueScannerTests {
    @Test func tokenReadsAgree() {
        for value in ["Text/HTML; charset=UTF-8", "x", "a!#$%&'*+-.^_`|~Z9 rest", " leading", "", "\"quoted\"", "é"] {
            var plain = ValueScanner(Array(value.utf8))
            var lower = ValueScanner(Array(value.utf8))
            var skip = ValueScanner(Array(value.utf8))
            let token = plain.token()
            #expect(lower.lowercasedToken() == token?.asciiLowercased())
            #expect(skip.skipToken() == (token != nil))
            #expect(plain.index == lower.index && lower.index == skip.index)
        }
        var scanner = ValueScanner(Array("Text/HTML".utf8))
        #expect(scanner.lowercasedToken() == "text" && scanner.take(UInt8(ascii: "/")) && scanner.lowercasedToken() == "html")
        #expect(scanner.isAtEnd && scanner.lowercasedToken() == nil && !scanner.skipToken())
    }
}
