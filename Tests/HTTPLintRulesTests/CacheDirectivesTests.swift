import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// The Cache-Control reading that caching rules share: directives kept as byte ranges, named
/// when registered, read across several fields and folds.
@Suite struct CacheDirectivesTests {
    private func directives(_ fields: String) throws -> CacheDirectives {
        let text = "HTTP/1.1 200 OK\r\n\(fields)Content-Length: 0\r\n\r\n"
        let exchange = try #require(ResponseParser.parse(SourceText(name: "t", text: text)).first)
        return CacheDirectives(exchange.response)
    }

    @Test func namesValuesAndRepeatsAcrossFields() throws {
        let read = try directives("Cache-Control: Max-Age = 60 , x-Ext=\"a, b\"\r\nCache-Control: ,private=\"Set-Cookie\", MAX-AGE=5\r\n")
        #expect(read.all.map { read.name(of: $0) } == ["max-age", "x-ext", "private", "max-age"])
        #expect(read.all.map { read.value(of: $0) } == ["60", "\"a, b\"", "\"Set-Cookie\"", "5"])
        #expect(read.all.map(\.known) == [.maxAge, nil, .private, .maxAge])
        // The first occurrence counts; quotes come off.
        #expect(read.seconds(.maxAge) == 60)
        #expect(read.value(.private) == .some("Set-Cookie"))
        #expect(read.value(.public) == nil)
        #expect(!read.hasNoValue(.private))
        #expect(read.firstField?.lineSpan.offset == 17)
    }

    @Test func anUnclosedQuoteEndsWithItsField() throws {
        let read = try directives("Cache-Control: private=\"Set-Cookie\r\nCache-Control: no-store\r\n")
        #expect(read.all.map { read.name(of: $0) } == ["private", "no-store"])
        #expect(read.has(.noStore))
    }

    @Test func valuesWithoutEqualsAndEmptyValues() throws {
        let read = try directives("Cache-Control: no-cache, private=, public\r\n")
        #expect(read.value(.noCache) == .some(nil))
        #expect(read.value(.private) == .some(""))
        #expect(read.hasNoValue(.noCache) && read.hasNoValue(.private) && read.hasNoValue(.public))
        #expect(!read.hasNoValue(.maxAge))
        #expect(read.has(.public) && !read.has(.noStore))
    }

    @Test func secondsSaturateAndRejectOtherText() throws {
        #expect(try directives("Cache-Control: max-age=99999999999999999999999\r\n").seconds(.maxAge) == 2_147_483_648)
        #expect(try directives("Cache-Control: max-age=\"120\"\r\n").seconds(.maxAge) == 120)
        #expect(try directives("Cache-Control: max-age=1h\r\n").seconds(.maxAge) == nil)
        #expect(try directives("Cache-Control: max-age=\r\n").seconds(.maxAge) == nil)
        #expect(try directives("Cache-Control: max-age\r\n").seconds(.maxAge) == nil)
        #expect(try directives("Cache-Control: max-age=-1\r\n").seconds(.maxAge) == nil)
    }

    @Test func foldedValuesReadAsARecipientReadsThem() throws {
        let read = try directives("Cache-Control: public,\r\n max-age=30\r\n")
        #expect(read.all.map { read.name(of: $0) } == ["public", "max-age"])
        #expect(read.seconds(.maxAge) == 30)
    }

    @Test func everyRegisteredNameIsRecognisedByItsText() {
        for name in CacheDirectives.Name.allCases {
            #expect(CacheDirectives.Name(name.text) == name)
            #expect(CacheDirectives.Name(name.text.uppercased()) == name)
        }
        #expect(CacheDirectives.Name("max-ages") == nil)
        #expect(CacheDirectives.Name("") == nil)
    }

    @Test func noCacheControlField() throws {
        let read = try directives("Age: 3\r\n")
        #expect(read.all.isEmpty && read.firstField == nil && !read.has(.noStore))
    }
}
