/// A strict reading of a settings file's JSON before it is decoded: the first syntax error or
/// duplicate key with its line and column, and where each value stands (by its path, such as
/// `overrides[0]` or `findings[3].count`) so that later checks can point at it too.
/// JSONSerialization accepts duplicate keys (the last one wins) and names no position.
struct StrictJSON {
    /// A place in the file, 1-based.
    struct Position: CustomStringConvertible {
        let line: Int
        let column: Int
        var description: String { "\(line):\(column)" }
    }

    struct Problem: Error {
        let position: Position
        let reason: String
    }

    /// Where each value starts, by path ("" for the top level).
    private(set) var positions: [String: Position] = [:]
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Nesting is bounded so that no file can exhaust the stack.
    private static let maxDepth = 128

    /// Reads `bytes`; throws the first problem.
    init(_ bytes: [UInt8]) throws(Problem) {
        self.bytes = bytes
        skipSpace()
        try value(path: "", depth: 0)
        skipSpace()
        guard index == bytes.count else { throw problem("expected the end of the file after the top-level value") }
    }

    /// The position of the value at `path`, as `line:column: ` for a message, or nothing.
    func at(_ path: String) -> String { positions[path].map { "\($0): " } ?? "" }

    private var position: Position { Position(line: line, column: index - lineStart + 1) }

    private func problem(_ reason: String) -> Problem { Problem(position: position, reason: reason) }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A: line += 1; lineStart = index + 1
            case 0x20, 0x09, 0x0D: break
            default: return
            }
            index += 1
        }
    }

    private mutating func value(path: String, depth: Int) throws(Problem) {
        guard depth < Self.maxDepth else { throw problem("nested deeper than \(Self.maxDepth) levels") }
        positions[path] = position
        guard index < bytes.count else { throw problem("the file ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var keys: Set<String> = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return }
            while true {
                skipSpace()
                let keyPosition = position
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw problem("expected a key in quotes") }
                let key = try string()
                guard keys.insert(key).inserted else {
                    throw Problem(position: keyPosition, reason: "duplicate key \"\(key)\"\(path.isEmpty ? "" : " in \(path)"); each key may appear once")
                }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw problem("expected ':' after the key") }
                index += 1
                skipSpace()
                try value(path: path.isEmpty ? key : "\(path).\(key)", depth: depth + 1)
                skipSpace()
                guard index < bytes.count else { throw problem("the file ends inside an object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard bytes[index] == UInt8(ascii: "}") else { throw problem("expected ',' or '}'") }
                index += 1
                return
            }
        case UInt8(ascii: "["):
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
            var count = 0
            while true {
                skipSpace()
                try value(path: "\(path)[\(count)]", depth: depth + 1)
                count += 1
                skipSpace()
                guard index < bytes.count else { throw problem("the file ends inside an array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard bytes[index] == UInt8(ascii: "]") else { throw problem("expected ',' or ']'") }
                index += 1
                return
            }
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            // RFC 8259 §6: -? int frac? exp?
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard try digits() > 0 else { throw problem("expected a digit") }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard try digits() > 0 else { throw problem("expected a digit after '.'") }
            }
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard try digits() > 0 else { throw problem("expected a digit in the exponent") }
            }
        default:
            for literal in ["true", "false", "null"] where bytes[index...].starts(with: literal.utf8) {
                index += literal.utf8.count
                return
            }
            throw problem("expected a value (an object, array, string, number, true, false or null)")
        }
    }

    private mutating func digits() throws(Problem) -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    /// A string's text (escapes read, not checked beyond their shape).
    private mutating func string() throws(Problem) -> String {
        index += 1
        var text: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { throw problem("the file ends inside a string") }
                text += [byte, bytes[index + 1]]
                index += 2
            case 0..<0x20:
                throw problem("a control character inside a string")
            default:
                text.append(byte)
                index += 1
            }
        }
        throw problem("the file ends inside a string")
    }
}
