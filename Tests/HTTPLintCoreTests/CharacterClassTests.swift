import HTTPLintCore
import Testing

@Suite struct CharacterClassTests {
    /// The token bit masks against RFC 9110 §5.6.2 written out: every one of the 256 bytes.
    @Test func tokenCharactersAreExactlyTchar() {
        let tchar = Set(Array("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8))
        for value in 0...255 {
            let byte = UInt8(value)
            #expect(byte.isHTTPTokenCharacter == tchar.contains(byte), "byte \(value)")
        }
    }

    @Test func digitsAndLowercaseAreASCIIOnly() {
        for value in 0...255 {
            let byte = UInt8(value)
            #expect(byte.isASCIIDigit == (0x30...0x39).contains(byte), "byte \(value)")
            let lower: UInt8 = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            #expect(byte.asciiLowercased == lower, "byte \(value)")
        }
    }

    /// Trimming removes SP and HTAB only, at both ends, and reads text and bytes alike.
    @Test func trimmingRemovesOnlySpaceAndTab() {
        let cases: [(String, String)] = [
            (" \t max-age=60 \t", "max-age=60"), ("", ""), (" \t ", ""), ("a b", "a b"),
            ("\u{0B}x\u{0C}", "\u{0B}x\u{0C}"), ("\u{A0}é ", "\u{A0}é"), ("\r\nx", "\r\nx"),
            ("x ", "x"), (" x", "x"), ("\tx", "x"), ("x", "x"),
        ]
        for (text, trimmed) in cases {
            #expect(text.trimmingWhitespace() == trimmed, "\(Array(text.utf8))")
            #expect(text.dropFirst(0).trimmingWhitespace() == trimmed)
            #expect(Array(Array(text.utf8)[...].trimmingWhitespace()) == Array(trimmed.utf8))
        }
        #expect(!"".isHTTPToken && "max-age".isHTTPToken && !"max age".isHTTPToken && !"é".isHTTPToken)
        #expect("x-max-age".dropFirst(2).isHTTPToken)
    }

    /// HTTP folds case in ASCII only: other letters stay as sent.
    @Test func asciiLowercasingLeavesOtherLettersAlone() {
        let cases: [(String, String)] = [
            ("Keep-Alive", "keep-alive"), ("keep-alive", "keep-alive"), ("", ""), ("MAX-AGE=60", "max-age=60"),
            ("\u{212A}eep-alive", "\u{212A}eep-alive"), ("ÉTÉ", "ÉtÉ"), ("@[`{", "@[`{"), ("AZaz09", "azaz09"),
        ]
        for (text, lowered) in cases {
            #expect(text.asciiLowercased() == lowered, "\(text)")
            #expect(("x" + text).dropFirst().asciiLowercased() == lowered, "\(text) as a substring")
        }
        #expect("\u{212A}eep-alive".lowercased() == "keep-alive", "the case lowercased() gets wrong for HTTP")
    }
}
