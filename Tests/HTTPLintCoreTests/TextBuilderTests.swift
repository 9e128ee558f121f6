import HTTPLintCore
import Testing

/// The byte builder writes what string interpolation would.
@Suite struct TextBuilderTests {
    @Test func numbersAreWrittenInDecimal() {
        let numbers = [0, 7, 9, 10, 11, 99, 100, 101, 1_000_000, 2_147_483_648, -1, -10, -305, Int.max, Int.min]
        for number in numbers {
            var text = TextBuilder()
            text.add(number)
            #expect(text.string == "\(number)")
        }
    }

    @Test func piecesAreJoinedInOrder() {
        var text = TextBuilder(capacity: 4)
        #expect(text.isEmpty)
        text.add("caf\u{E9} ")
        text.add(42)
        text.add(byte: UInt8(ascii: ":"))
        text.add(repeating: UInt8(ascii: "~"), count: 3)
        text.add(repeating: UInt8(ascii: "!"), count: -1)
        text.add(bytes: Array(" ok".utf8)[1...])
        #expect(text.string == "caf\u{E9} 42:~~~ok")
        #expect(text.bytes == Array("caf\u{E9} 42:~~~ok".utf8))
    }

    /// Pieces of every kind past the room made at first, so that the buffer grows several times.
    @Test func growsPastItsCapacity() {
        var text = TextBuilder(capacity: 1)
        var expected = ""
        for index in 0..<500 {
            let word = String(repeating: "\u{E9}x", count: index % 7)
            text.add(word)
            text.add(index - 250)
            text.add(byte: UInt8(ascii: ","))
            text.add(repeating: UInt8(ascii: " "), count: index % 3)
            text.add(bytes: Array("ab".utf8).dropFirst())
            expected += word + "\(index - 250)," + String(repeating: " ", count: index % 3) + "b"
        }
        text.add(Substring("tail").description)
        expected += "tail"
        #expect(text.string == expected)
        #expect(text.bytes == Array(expected.utf8))
        #expect(!text.isEmpty && TextBuilder().isEmpty)
    }
}
