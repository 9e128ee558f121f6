import Foundation
import HTTPLint
import Testing

/// Every sample cut at every byte offset, and with each byte of its head replaced by CR, LF,
/// NUL, SP, ':' and 0xFF: the linter must never crash or lose the input, and a cut inside a
/// message head must always be reported as an error.
@Suite struct RobustnessTests {
    static let samples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: PackageFiles.url("Samples").path)) ?? []
        return names.filter { $0.hasSuffix(".http") }.sorted().map { "Samples/" + $0 }
    }()

    @Test(arguments: samples)
    func everyTruncationIsReadAndCutHeadsAreErrors(_ path: String) throws {
        let bytes = try PackageFiles.bytes(path)
        let linter = Linter()
        let headEnd = Self.headEnd(bytes)
        for cut in 0...bytes.count {
            let result = linter.lint(SourceText(name: path, bytes: Array(bytes[..<cut])))
            #expect(!result.exchanges.isEmpty, "\(path) cut at \(cut) gave no exchange")
            if cut < headEnd {
                #expect(result.findings.contains { $0.severity == .error }, "\(path) cut at \(cut), inside the head, gave no error")
            }
        }
    }

    @Test(arguments: samples)
    func everyCorruptedHeadByteIsRead(_ path: String) throws {
        let bytes = try PackageFiles.bytes(path)
        let linter = Linter()
        for index in 0..<min(bytes.count, Self.headEnd(bytes)) {
            for replacement: UInt8 in [0x0D, 0x0A, 0x00, 0x20, 0x3A, 0xFF] where bytes[index] != replacement {
                var corrupted = bytes
                corrupted[index] = replacement
                let result = linter.lint(SourceText(name: path, bytes: corrupted))
                #expect(!result.exchanges.isEmpty, "\(path) with byte \(index) set to \(replacement) gave no exchange")
                // Rendering must cope with whatever the parser found.
                _ = TextReporter().render(InputReport(name: path, outcome: .linted(result)))
            }
        }
    }

    /// The offset just past the first header section's empty line (the whole input if none).
    static func headEnd(_ bytes: [UInt8]) -> Int {
        for index in 0..<max(0, bytes.count - 3)
        where bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D && bytes[index + 3] == 0x0A {
            return index + 3
        }
        for index in 0..<max(0, bytes.count - 1) where bytes[index] == 0x0A && bytes[index + 1] == 0x0A {
            return index + 1
        }
        return bytes.count
    }
}
