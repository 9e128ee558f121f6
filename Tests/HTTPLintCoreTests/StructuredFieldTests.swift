import Foundation
import HTTPLintCore
import Testing

/// The HTTP working group's structured-field test vectors (Tests/Conformance/
/// structured-field-tests, BSD licence there): every parsing case must give the expected
/// structure, and every must-fail case must fail. `can_fail` cases (SHOULDs) may go either way.
@Suite struct StructuredFieldTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Conformance/structured-field-tests")

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    @Test func vectorsArePresent() {
        #expect(Self.files.count >= 20)
    }

    @Test(arguments: files)
    func vectors(_ file: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(file))
        let cases = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        var checked = 0
        for testCase in cases {
            let name = testCase["name"] as? String ?? "?"
            guard let raw = testCase["raw"] as? [String], let type = testCase["header_type"] as? String else { continue }
            let mustFail = testCase["must_fail"] as? Bool ?? false
            let canFail = testCase["can_fail"] as? Bool ?? false
            let value = raw.joined(separator: ", ")
            let parsed: Any?
            do {
                switch type {
                case "item": parsed = Self.json(try StructuredFields.parseItem(value))
                case "list": parsed = try StructuredFields.parseList(value).map(Self.json)
                default: parsed = try StructuredFields.parseDictionary(value).map { [$0.key, Self.json($0.value)] as [Any] }
                }
            } catch {
                #expect(mustFail || canFail, "\(file): '\(name)' failed: \(error)")
                checked += 1
                continue
            }
            #expect(!mustFail, "\(file): '\(name)' must fail but parsed")
            if !mustFail, let expected = testCase["expected"], let parsed {
                #expect(Self.equal(parsed, expected), "\(file): '\(name)' gave \(parsed), expected \(expected)")
            }
            checked += 1
        }
        #expect(checked > 0)
    }

    // MARK: The vectors' JSON shapes

    static func json(_ item: StructuredFields.Item) -> Any { [json(item.bare), item.parameters.map { [$0.key, json($0.value)] as [Any] }] as [Any] }

    static func json(_ member: StructuredFields.Member) -> Any {
        switch member {
        case .item(let item): return json(item)
        case .innerList(let items, let parameters):
            return [items.map(json), parameters.map { [$0.key, json($0.value)] as [Any] }] as [Any]
        }
    }

    static func json(_ bare: StructuredFields.BareItem) -> Any {
        switch bare {
        case .integer(let value): return value
        case .decimal(let value): return value
        case .string(let value): return value
        case .token(let value): return ["__type": "token", "value": value]
        case .byteSequence(let bytes): return ["__type": "binary", "value": base32(bytes)]
        case .boolean(let value): return value
        case .date(let value): return ["__type": "date", "value": value]
        case .displayString(let value): return ["__type": "displaystring", "value": value]
        }
    }

    /// RFC 4648 base32, as the vectors write byte sequences.
    static func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var out = ""
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = buffer << 8 | Int(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[(buffer >> bits) & 31])
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        while out.count % 8 != 0 { out.append("=") }
        return out
    }

    static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        switch (lhs, rhs) {
        case let (l as [Any], r as [Any]):
            return l.count == r.count && zip(l, r).allSatisfy(equal)
        case let (l as [String: Any], r as [String: Any]):
            return l.count == r.count && l.allSatisfy { key, value in r[key].map { equal(value, $0) } ?? false }
        case let (l as Bool, r as NSNumber) where CFGetTypeIDIsBool(r):
            return l == r.boolValue
        case let (l as Int64, r as NSNumber):
            return !CFGetTypeIDIsBool(r) && Double(l) == r.doubleValue
        case let (l as Double, r as NSNumber):
            return !CFGetTypeIDIsBool(r) && abs(l - r.doubleValue) < 1e-9
        case let (l as String, r as String):
            return l == r
        default:
            return false
        }
    }

    /// Whether a JSON number is really a boolean (JSONSerialization gives both as NSNumber).
    static func CFGetTypeIDIsBool(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c" || type(of: number) == type(of: NSNumber(value: true))
    }
}
