import Foundation
import Testing

/// Tests/Fuzz/run.sh must tell the truth: every target is offered and documented, and leak
/// detection stays on for everything but named process-lifetime statics.
@Suite struct FuzzSetupTests {
    static let targets: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: PackageFiles.url("Tests/Fuzz/Targets").path)) ?? []
        return names.filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(6)) }.sorted()
    }()

    @Test func everyTargetIsOfferedByTheScriptAndTheReadme() throws {
        #expect(Self.targets.contains("request") && Self.targets.contains("glob"))
        let script = try PackageFiles.text("Tests/Fuzz/run.sh")
        let usage = try #require(script.split(separator: "\n").first { $0.hasPrefix("target=${1:?usage:") })
        let offered = usage.split(separator: " ").first { $0.contains("|") }.map { $0.split(separator: "|").map(String.init) } ?? []
        #expect(offered.sorted() == Self.targets)
        let readme = try PackageFiles.text("README.md")
        for target in Self.targets { #expect(readme.contains("`\(target)`"), "README does not name fuzz target \(target)") }
    }

    @Test func leakSuppressionsNameOnlyOneTimeInitializers() throws {
        let script = try PackageFiles.text("Tests/Fuzz/run.sh")
        #expect(script.contains("LSAN_OPTIONS=\"suppressions=$root/Tests/Fuzz/lsan.supp"))
        #expect(!script.contains("detect_leaks=0"))
        let rules = try PackageFiles.text("Tests/Fuzz/lsan.supp").split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(!rules.isEmpty)
        for rule in rules {
            // `leak:` and a mangled one-time initializer (`…_WZ`) of a static: never a whole
            // module, library or wildcard.
            #expect(rule.hasPrefix("leak:") && rule.hasSuffix("_WZ") && !rule.contains("*"), "\(rule)")
        }
    }
}
