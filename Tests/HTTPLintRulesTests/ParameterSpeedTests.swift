import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// The parameter reader makes a parameter's lowercase key and its token value from the bytes
/// (issue 25) rather than through the text of the name and value: the result is the same as the
/// text reading on many values built from the pieces that matter (case, quotes, whitespace,
/// bytes ≥ 0x80).
@Suite struct ParameterSpeedTests {
    @Test func keysAndTokenValuesReadAsTheirText() {
        let pieces = [";", " ", "a", "B", "Ch", "=", "\"", "x", "\\", "é", "\u{80}", "Ab-C", "1", ",", "\t", "Z"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        var checked = 0
        for _ in 0..<4000 {
            var text = next(2) == 0 ? "; " : ";"
            for _ in 0..<(1 + next(10)) { text += pieces[next(pieces.count)] }
            for (valueRequired, spaceAroundEquals, stopAtComma) in [(true, false, false), (false, true, true)] {
                var scanner = ParameterScanner(text)
                guard case .success(let parameters) = scanner.parameters(valueRequired: valueRequired, spaceAroundEquals: spaceAroundEquals,
                                                                         stopAtComma: stopAtComma) else { continue }
                for parameter in parameters {
                    #expect(parameter.key == parameter.name.asciiLowercased(), "\(text)")
                    if let value = parameter.value, !parameter.isQuoted {
                        #expect(Array(SourceText.decode(value).utf8) == value, "\(text)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 500)
    }

    @Test func mixedCaseNames() throws {
        var scanner = ParameterScanner("; CharSet=UTF-8; boundary=\"a b\"; X=y")
        let parameters = try scanner.parameters(valueRequired: true, spaceAroundEquals: false).get()
        #expect(parameters.map(\.name) == ["CharSet", "boundary", "X"])
        #expect(parameters.map(\.key) == ["charset", "boundary", "x"])
        #expect(parameters.map(\.text) == ["UTF-8", "a b", "y"])
        #expect(parameters.map(\.isQuoted) == [false, true, false])
    }
}
