import Foundation
import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// The readings behind the charset rules: UTF-8 validity, the HTML prescan for a meta
/// charset, the XML declaration, and label equivalence.
@Suite struct CharsetContentTests {
    @Test func utf8ValidityMatchesFoundation() {
        let cases: [[UInt8]] = [
            [], Array("ascii".utf8), Array("caf\u{e9} \u{1F600}".utf8),
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0x61, 0xE2, 0x82], [0x80], [0xC2], [0xEF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF], [0x61, 0xC3, 0x28],
        ]
        for bytes in cases {
            let foundation = String(data: Data(bytes), encoding: .utf8) != nil
            #expect((ContentText.firstNonUTF8Byte(bytes) == nil) == foundation, "\(bytes)")
        }
        #expect(ContentText.firstNonUTF8Byte([0x61, 0x62, 0xE2, 0x82]) == 2)
        #expect(ContentText.firstNonUTF8Byte([0x61, 0xC3, 0x28]) == 1)
        // Random bytes: the first bad offset is where Foundation's prefix decoding stops.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 1...12, using: &generator)).map { _ in UInt8.random(in: 0x60...0xFF, using: &generator) }
            let valid = String(data: Data(bytes), encoding: .utf8) != nil
            #expect((ContentText.firstNonUTF8Byte(bytes) == nil) == valid, "\(bytes)")
            if let bad = ContentText.firstNonUTF8Byte(bytes) {
                #expect(String(data: Data(bytes[..<bad]), encoding: .utf8) != nil, "\(bytes): the prefix before \(bad) is UTF-8")
            }
        }
    }

    @Test func metaCharsetPrescan() {
        func meta(_ html: String) -> String? { ContentText.htmlMetaCharset(Array(html.utf8))?.label }
        #expect(meta("<meta charset=utf-8>") == "utf-8")
        #expect(meta("<!doctype html><HTML><Head><META CHARSET='Shift_JIS'>") == "Shift_JIS")
        #expect(meta("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">") == "koi8-r")
        #expect(meta("<meta content='text/html;charset=\"big5\"' http-equiv=content-type>") == "big5")
        // Not a declaration: in a comment, in another tag's attribute, a content without http-equiv,
        // a <metadata> element, past the first 1024 bytes.
        #expect(meta("<!-- <meta charset=latin2> -->") == nil)
        #expect(meta("<a title=\"<meta charset=latin2>\">") == nil)
        #expect(meta("<meta name=x content=\"charset=latin2\">") == nil)
        #expect(meta("<metadata charset=latin2>") == nil)
        #expect(meta(String(repeating: " ", count: 1024) + "<meta charset=latin2>") == nil)
        // The first meta that declares wins.
        #expect(meta("<meta name=viewport content=width><meta charset=gbk><meta charset=utf-8>") == "gbk")
        // Its offset is that of the label.
        #expect(ContentText.htmlMetaCharset(Array("<meta charset=\"x\">".utf8))?.offset == 15)
    }

    @Test func xmlDeclaration() {
        func declared(_ xml: String) -> String? { ContentText.xmlDeclaredEncoding(Array(xml.utf8))?.label }
        #expect(declared("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>") == "ISO-8859-1")
        #expect(declared("\u{FEFF}<?xml version='1.0' encoding = 'utf-8' standalone='yes'?>") == "utf-8")
        #expect(declared("<?xml version=\"1.0\"?><a encoding=\"x\"/>") == nil)
        #expect(declared(" <?xml version=\"1.0\" encoding=\"latin1\"?>") == nil, "the declaration must come first")
        #expect(declared("<?xml-stylesheet href=\"a\" encoding=\"x\"?>") == nil)
        // Whether a declaration names (or tries to name) an encoding, so that UTF-8 is not implied.
        func names(_ xml: String) -> Bool { ContentText.xmlDeclarationNamesEncoding(Array(xml.utf8)) }
        #expect(names("<?xml version=\"1.0\" encoding=latin1?><a/>"))
        #expect(!names("<?xml version=\"1.0\"?><a encoding=\"x\"/>"))
        #expect(!names("<a/>"))
    }

    @Test func labelsCompareAsBrowsersDecode() {
        #expect(EncodingEquivalence.encoding(of: " Latin1 ") == .windows1252)
        #expect(EncodingEquivalence.encoding(of: "ISO-8859-1") == EncodingEquivalence.encoding(of: "windows-1252"))
        #expect(EncodingEquivalence.encoding(of: "us-ascii") == .windows1252)
        #expect(EncodingEquivalence.encoding(of: "UTF8") == .utf8)
        #expect(EncodingEquivalence.encoding(of: "unicode-1-1-utf-8") == .utf8)
        #expect(EncodingEquivalence.encoding(of: "gb2312") == .gbk)
        #expect(EncodingEquivalence.encoding(of: "x-made-up") == nil)
    }

    /// Codings are undone before the content is read: the same Latin-1 byte inside gzip is
    /// named by its decoded offset.
    @Test func decodedContentIsRead() {
        // gzip of "caf\xE9\n".
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xFF, 0x4B, 0x4E, 0x4C, 0x7B, 0xC9, 0x05,
                             0x00, 0xCF, 0x7C, 0x19, 0xB8, 0x05, 0x00, 0x00, 0x00]
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Encoding: gzip\r\nContent-Length: \(gzip.count)\r\n\r\n"
        let exchange = ResponseParser.parse(SourceText(name: "t", bytes: Array(head.utf8) + gzip))[0]
        var reporter = FindingReporter(rule: InvalidUTF8Content.description, exchangeIndex: 0)
        InvalidUTF8Content().check(exchange, &reporter)
        #expect(reporter.findings.map(\.message) == ["the content is declared charset=utf-8 but byte 3 of the decoded content (0xE9) does not start a well-formed UTF-8 sequence"])
    }
}
