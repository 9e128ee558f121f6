import HTTPLintCore
import Testing

/// JSON texts as content (RFC 8259): one value, UTF-8 only.
@Suite struct JSONDocumentTests {
    func verdict(_ bytes: [UInt8]) -> JSONText.DocumentVerdict { JSONText.document(bytes) }
    func verdict(_ text: String) -> JSONText.DocumentVerdict { verdict(Array(text.utf8)) }

    func offset(_ verdict: JSONText.DocumentVerdict) -> Int? {
        if case .invalid(let problem) = verdict { return problem.offset }
        return nil
    }

    @Test func oneValueOfAnyKindWithWhitespaceAround() {
        for text in ["{}", "[]", " \"s\" ", "0", "-1.5E+3", "true", "null\r\n", "{\"a\": [1, {\"b\": null}]}", "\t[\n]\n"] {
            #expect(verdict(text) == .valid, "\(text)")
        }
    }

    @Test func textsThatAreNotOneJSONValue() {
        #expect(offset(verdict("")) == 0)
        #expect(offset(verdict("   ")) == 3)
        #expect(offset(verdict("{} {}")) == 3)
        #expect(offset(verdict("{\"a\": 1,}")) == 8)
        #expect(offset(verdict("[01]")) == 2)
        #expect(offset(verdict("'single'")) == 0)
        #expect(offset(verdict("{\"a\": tru}")) == 6)
        #expect(offset(verdict("\"tab\there\"")) == 4)
    }

    @Test func utf8IsRequiredAndAByteOrderMarkIsLetPass() {
        #expect(verdict([0xEF, 0xBB, 0xBF] + Array("[]".utf8)) == .valid)
        #expect(verdict(Array("\"caf\u{e9} \u{1F600}\"".utf8)) == .valid)
        let quote = Array("\"".utf8)
        // Overlong, surrogate, past U+10FFFF, a lone continuation byte, a sequence cut short.
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82], [0xFF]] {
            #expect(offset(verdict(quote + Array("ab".utf8) + bad + quote)) == 3, "\(bad)")
        }
        // The earlier fault is named: a syntax error before a bad byte.
        #expect(offset(verdict(Array("[1,]\"".utf8) + [0xFF] + quote)) == 3)
    }

    @Test func nestingPastTheLimitIsNotJudged() {
        #expect(verdict(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) == .tooDeep)
        #expect(verdict(String(repeating: "[", count: 60) + String(repeating: "]", count: 60)) == .valid)
    }
}
