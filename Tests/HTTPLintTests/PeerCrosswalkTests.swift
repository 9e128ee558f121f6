import Foundation
import HTTPLint
import Testing

/// The crosswalk in `Rules/Peers/` stays true: every peer id has a rule or a reason, every
/// rule it names exists, the ids are the peers' own, and `Rules/PEERS.md` and the README's
/// coverage sentence are generated from it.
@Suite struct PeerCrosswalkTests {
    static let referenceDirectory = PackageFiles.root.deletingLastPathComponent()
        .appendingPathComponent("shared/reference/peers")

    @Test func filesAreWellFormed() throws {
        for peer in try PeerCrosswalk.load() {
            #expect(peer.problems.isEmpty, "\(peer.problems.joined(separator: "\n"))")
            #expect(peer.source.contains(/\d+\.\d+/), "\(peer.file): the source line names no version")
            let ids = peer.rows.map(\.id)
            #expect(Set(ids).count == ids.count, "\(peer.file) lists an id twice")
            for row in peer.rows where row.meaning.isEmpty {
                Issue.record("\(peer.file):\(row.line): \(row.id) has no meaning")
            }
        }
    }

    @Test func everyIDHasARuleOrAReason() throws {
        for peer in try PeerCrosswalk.load() {
            for row in peer.rows where row.rules.isEmpty {
                guard let reason = row.reason, !row.reasonText.isEmpty else {
                    Issue.record("""
                        \(peer.file):\(row.line): \(row.id) has neither a rule nor a reason \
                        (`KIND: words`, KIND one of \(PeerCrosswalk.Reason.allCases.map(\.rawValue).joined(separator: ", ")))
                        """)
                    continue
                }
                if reason == .duplicate {
                    #expect(row.reasonText != row.id && peer.rows.contains { $0.id == row.reasonText },
                            "\(peer.file):\(row.line): \(row.id) is a duplicate of '\(row.reasonText)', which is no other id of this peer")
                }
            }
        }
    }

    @Test func namedRulesExist() throws {
        for peer in try PeerCrosswalk.load() {
            for row in peer.rows {
                for rule in row.rules where RuleCatalogue.description(of: rule) == nil {
                    Issue.record("\(peer.file):\(row.line): \(row.id) names '\(rule)', which is no httplint rule")
                }
            }
        }
    }

    /// The data files list exactly the ids of the peers' own lists, in their order. Runs where
    /// the reference lists are checked out beside the package (../shared/reference/peers).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: referenceDirectory.path)))
    func idsAreThePeersOwn() throws {
        for peer in try PeerCrosswalk.load() {
            let list = try String(contentsOf: Self.referenceDirectory.appendingPathComponent(peer.referenceList), encoding: .utf8)
            let reference = list.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let ours = peer.rows.map(\.id)
            let missing = reference.filter { !ours.contains($0) }
            let extra = ours.filter { !reference.contains($0) }
            #expect(missing.isEmpty && extra.isEmpty,
                    "\(peer.file) differs from \(peer.referenceList): not listed \(missing), not in the peer's list \(extra)")
            #expect(missing.isEmpty && extra.isEmpty ? ours == reference : true, "\(peer.file) is not in the order of \(peer.referenceList)")
        }
    }

    /// `Rules/PEERS.md` is generated; `HTTPLINT_WRITE_PEERS=1` rewrites it.
    @Test func pageIsCurrent() throws {
        let page = PeerCrosswalk.page(try PeerCrosswalk.load())
        if ProcessInfo.processInfo.environment["HTTPLINT_WRITE_PEERS"] == "1" {
            try page.write(to: PackageFiles.url("Rules/PEERS.md"), atomically: true, encoding: .utf8)
        }
        #expect(try PackageFiles.text("Rules/PEERS.md") == page,
                "Rules/PEERS.md is stale: run `HTTPLINT_WRITE_PEERS=1 swift test --filter PeerCrosswalkTests`")
    }

    @Test func readmeStatesTheCoverage() throws {
        let sentence = PeerCrosswalk.coverageSentence(try PeerCrosswalk.load())
        #expect(try PackageFiles.text("README.md").contains(sentence),
                "The README's coverage sentence is stale; it should read:\n\(sentence)")
    }
}
