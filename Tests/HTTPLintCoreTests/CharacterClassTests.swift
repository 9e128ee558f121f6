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
}
