import HTTPLintCore
import Testing

/// Field names are compared and hashed eight bytes at a time; these tests hold the word
/// arithmetic to the byte-by-byte definition (A–Z equal a–z, nothing else folded).
@Suite struct FieldNameTests {
    /// Each of the 256 byte values, at each position of names of 1 to 19 bytes (so that whole
    /// words, the overlapping last word and the short tails are all read), against the same
    /// name with that byte folded by hand.
    @Test func caseIsIgnoredForASCIILettersOnly() {
        for length in 1...19 {
            for position in 0..<length {
                for value in 0...255 {
                    var name = [UInt8](repeating: UInt8(ascii: "k"), count: length)
                    name[position] = UInt8(value)
                    var folded = name
                    folded[position] = UInt8(value).asciiLowercased
                    var changed = name
                    changed[position] = UInt8(value) ^ 0x20
                    let foldsToo = UInt8(value).asciiLowercased == changed[position].asciiLowercased
                    name.withUnsafeBufferPointer { a in
                        folded.withUnsafeBufferPointer { b in
                            changed.withUnsafeBufferPointer { c in
                                #expect(FieldName.equalIgnoringCase(a.baseAddress!, b.baseAddress!, count: length),
                                        "byte \(value) at \(position) of \(length)")
                                #expect(FieldName.hash(a) == FieldName.hash(b), "byte \(value) at \(position) of \(length)")
                                #expect(FieldName.equalIgnoringCase(a.baseAddress!, c.baseAddress!, count: length) == foldsToo,
                                        "byte \(value) against \(value ^ 0x20) at \(position) of \(length)")
                            }
                        }
                    }
                }
            }
        }
    }

    /// Names that differ anywhere, in length or in one byte, hash apart (the look-ups compare
    /// bytes after equal hashes, but a hash that ignored a byte would make every look-up slow).
    @Test func hashesTellNamesApart() {
        let names = ["", "a", "ab", "Age", "Date", "ETag", "Vary", "Allow", "Server", "Expires", "Location",
                     "Set-Cookie", "Content-Type", "Cache-Control", "Last-Modified", "Content-Length",
                     "Transfer-Encoding", "Strict-Transport-Security", "Access-Control-Allow-Origin",
                     "Content-Security-Policy-Report-Only", "x-custom-header-1", "x-custom-header-2", "a\u{0}", "\u{0}a"]
        let hashes = names.map { FieldName.hash($0) }
        #expect(Set(hashes).count == names.count)
        #expect(FieldName.hash("CONTENT-TYPE") == FieldName.hash("content-type"))
        #expect(FieldName.hash(Array("Content-Type".utf8)) == FieldName.hash("Content-Type"))
    }
}
