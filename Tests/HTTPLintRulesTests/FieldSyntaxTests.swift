@testable import HTTPLintRules
import Testing

/// The small grammars that several field rules share.
@Suite struct FieldSyntaxTests {
    /// The byte fast path for CORS origins accepts only values the full check accepts too.
    @Test func plainOriginFastPathAgreesWithTheFullCheck() {
        let plain = ["https://app.example", "http://a", "wss://x-1.example.org", "coap+tcp://host", "a.b-c://h.h"]
        let notPlain = ["https://App.example", "HTTPS://a.example", "https://a.example:8443", "https://a.example/",
                        "https://", "https:/a.example", "https//a.example", "1http://a", "https://a_b.example",
                        "https://*.example", "https://[::1]", "https://é.example", "", "null", "*", "https://a.example ",
                        "https://a.example:443"]
        for value in plain {
            #expect(InvalidCORSAllowOrigin.isPlainOrigin(value), "\(value)")
            #expect(InvalidCORSAllowOrigin.problemReadingCharacters(value) == nil, "\(value)")
        }
        for value in notPlain {
            #expect(!InvalidCORSAllowOrigin.isPlainOrigin(value), "\(value)")
            #expect(InvalidCORSAllowOrigin.problem(with: value) == InvalidCORSAllowOrigin.problemReadingCharacters(value))
        }
    }

    @Test(arguments: ["en", "en-US", "es-419", "az-Arab", "x-pig-latin", "man-Nkoo-GN", "zh-Hant-TW", "de-1996",
                      "sl-rozaj-biske", "en-a-bbb-x-a-ccc", "i-klingon", "en-GB-oed", "zh-min-nan", "zh-yue-HK",
                      "sgn-ase", "hy-Latn-IT-arevela", "de-CH-x-phonebk", "qaa-Qaaa-QM-x-southern", "EN-us"])
    func wellFormedLanguageTags(_ tag: String) {
        #expect(LanguageTag.isWellFormed(tag))
    }

    @Test(arguments: ["", "e", "en_US", "en-", "-en", "en--US", "en-US-abcd", "x", "en-x",
                      "en-a", "de-419-DE", "a-DE", "ar-a-aaa-b-bbb-a", "en-US ", "ab-abc-abc-abc-abc", "123", "fr-FR-Latn"])
    func malformedLanguageTags(_ tag: String) {
        #expect(!LanguageTag.isWellFormed(tag), "\(tag)")
    }

    @Test func extValues() throws {
        let value = try ExtValue.parse(Array("UTF-8'en'%e2%82%ac%20rates".utf8)).get()
        #expect(value.isUTF8 && value.language == "en")
        #expect(value.octets == Array("€ rates".utf8))
        #expect(throws: ParameterProblem.self) { try ExtValue.parse(Array("UTF-8''a b".utf8)).get() }
        #expect(throws: ParameterProblem.self) { try ExtValue.parse(Array("UTF-8'a".utf8)).get() }
        #expect(throws: ParameterProblem.self) { try ExtValue.parse(Array("''abc".utf8)).get() }
        #expect(throws: ParameterProblem.self) { try ExtValue.parse(Array("UTF-8''%4".utf8)).get() }
    }

    @Test func parameters() throws {
        var scanner = ParameterScanner("; a=1;B=\"x\\\"y\" ; ;c")
        let parameters = try scanner.parameters(valueRequired: false, spaceAroundEquals: false).get()
        #expect(parameters.map(\.key) == ["a", "b", "c"])
        #expect(parameters.map(\.text) == ["1", "x\"y", ""])
        #expect(parameters.map(\.isQuoted) == [false, true, false])
        var strict = ParameterScanner("; a = 1")
        #expect(throws: ParameterProblem.self) { try strict.parameters(valueRequired: true, spaceAroundEquals: false).get() }
        var open = ParameterScanner("; a=\"1")
        #expect(throws: ParameterProblem.self) { try open.parameters(valueRequired: true, spaceAroundEquals: true).get() }
    }

    @Test func charsetSpellings() {
        for name in CharsetNames.registered.joined() {
            #expect(CharsetNames.registeredSpelling(of: name) == nil, "\(name) is registered")
            #expect(CharsetNames.registeredSpelling(of: name.uppercased()) == nil, "\(name) is registered")
        }
        #expect(CharsetNames.registeredSpelling(of: "utf8") == "UTF-8")
        #expect(CharsetNames.registeredSpelling(of: "UTF_8") == "UTF-8")
        #expect(CharsetNames.registeredSpelling(of: "latin-1") == "ISO-8859-1")
        #expect(CharsetNames.registeredSpelling(of: "iso8859-15") == "ISO-8859-15")
        #expect(CharsetNames.registeredSpelling(of: "CP-1251") == "windows-1251")
        #expect(CharsetNames.registeredSpelling(of: "x-mac-roman") == nil)
        #expect(CharsetNames.registeredSpelling(of: "x-user-defined") == nil)
    }
}
