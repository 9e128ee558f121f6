import Foundation

/// The crosswalk from the peers' checks to httplint's rules: `Rules/Peers/*.tsv`, one row per
/// peer id, read here and rendered as `Rules/PEERS.md` and the README's coverage sentence.
///
/// A file starts with `# source: PACKAGE VERSION …`, then the header `id meaning rules reason`;
/// each row has four tab-separated columns. `rules` lists the httplint rules that cover the id
/// (comma-separated); when it is empty, `reason` says why: `KIND: a few words`.
struct PeerCrosswalk {
    /// Why an id has no rule. The first word of a reason.
    enum Reason: String, CaseIterable {
        /// A spec-based check httplint does not make yet.
        case missing
        /// Describes the message (a positive remark, a status's meaning, a trace): no fault to find.
        case notACheck = "not-a-check"
        /// Judges the client's request, or HTTP/2 frames, or the peer's own input handling.
        case outOfScope = "out-of-scope"
        /// Advice that no RFC or standard supports.
        case notInRFC = "not-in-rfc"
        /// Needs what a capture does not hold: the clock, the scheme, whether a cache or proxy answered.
        case needsData = "needs-data"
        /// Contradicts the RFCs (the reason cites them).
        case wrong
        /// The same check as another id of the same peer (the reason names it).
        case duplicate

        var phrase: String {
            switch self {
            case .missing: "are spec-based checks httplint does not make yet"
            case .notACheck: "describe the message rather than find a fault"
            case .outOfScope: "are out of scope (mostly the client's request)"
            case .notInRFC: "are advice no RFC or standard supports"
            case .needsData: "need data a capture lacks (the clock, the scheme, whether a cache answered)"
            case .wrong: "contradict the RFCs"
            case .duplicate: "repeat another id"
            }
        }
    }

    struct Row {
        let id: String
        let meaning: String
        let rules: [String]
        /// The reason column: the reason when `rules` is empty, else an optional remark.
        let note: String
        let line: Int

        var reason: Reason? {
            guard rules.isEmpty, let colon = note.firstIndex(of: ":") else { return nil }
            return Reason(rawValue: String(note[..<colon]))
        }

        /// The words after `KIND:`.
        var reasonText: String {
            guard let colon = note.firstIndex(of: ":") else { return "" }
            return note[note.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }

    /// One peer's file.
    struct Peer {
        let file: String
        /// The name shown in tables, such as `Python httplint`.
        let name: String
        /// The list of ids in ../shared/reference/peers this file must match.
        let referenceList: String
        let source: String
        let rows: [Row]
        let problems: [String]
    }

    static let files: [(file: String, name: String, referenceList: String)] = [
        ("Rules/Peers/python-httplint.tsv", "Python httplint", "python-httplint-notes.txt"),
        ("Rules/Peers/httpolice.tsv", "HTTPolice", "httpolice-notices.txt"),
    ]

    static func load() throws -> [Peer] {
        try files.map { entry in
            let lines = try PackageFiles.text(entry.file).split(separator: "\n", omittingEmptySubsequences: false)
            var problems: [String] = []
            var rows: [Row] = []
            let source = lines.first.map(String.init) ?? ""
            if !source.hasPrefix("# source: ") { problems.append("\(entry.file):1: the first line must be `# source: PACKAGE VERSION`") }
            if lines.count < 2 || lines[1] != "id\tmeaning\trules\treason" {
                problems.append("\(entry.file):2: the header must be `id<TAB>meaning<TAB>rules<TAB>reason`")
            }
            for (index, line) in lines.enumerated().dropFirst(2) where !line.isEmpty {
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard columns.count == 4 else {
                    problems.append("\(entry.file):\(index + 1): \(columns.count) columns instead of 4")
                    continue
                }
                let rules = columns[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                rows.append(Row(id: columns[0], meaning: columns[1], rules: rules, note: columns[3], line: index + 1))
            }
            return Peer(file: entry.file, name: entry.name, referenceList: entry.referenceList,
                        source: String(source.dropFirst("# source: ".count)), rows: rows, problems: problems)
        }
    }

    // MARK: Figures

    struct Figures {
        var total = 0
        var covered = 0
        var byReason: [Reason: Int] = [:]

        /// Covered among the checks an RFC or standard supports (covered plus missing).
        var specBasedShare: Int {
            let specBased = covered + byReason[.missing, default: 0]
            return specBased == 0 ? 0 : covered * 100 / specBased
        }
    }

    static func figures(_ rows: [Row]) -> Figures {
        var figures = Figures()
        for row in rows {
            figures.total += 1
            if !row.rules.isEmpty { figures.covered += 1 } else if let reason = row.reason { figures.byReason[reason, default: 0] += 1 }
        }
        return figures
    }

    /// The README's coverage sentence, from the table.
    static func coverageSentence(_ peers: [Peer]) -> String {
        let all = figures(peers.flatMap(\.rows))
        let counts = peers.map { "\($0.rows.count) \($0.name == "HTTPolice" ? "HTTPolice notices" : "\($0.name) notes")" }
        let reasons = Reason.allCases.filter { $0 != .missing && all.byReason[$0, default: 0] > 0 }
            .map { "\(all.byReason[$0]!) \($0.phrase)" }
        return "Of the \(all.total) checks the peers define (\(counts.joined(separator: ", "))), \(all.covered) map to an "
            + "httplint rule, \(all.byReason[.missing, default: 0]) \(Reason.missing.phrase) (\(all.specBasedShare)% of "
            + "the spec-based ones are covered), and the rest are deliberately not made: \(reasons.joined(separator: ", ")); "
            + "[`Rules/PEERS.md`](Rules/PEERS.md) maps every id."
    }

    // MARK: PEERS.md

    static func page(_ peers: [Peer]) -> String {
        var out = """
            # httplint and its peers, check by check

            Generated from `Rules/Peers/*.tsv` by `PeerCrosswalkTests` — do not edit. After changing a \
            data file or adding a rule, run `HTTPLINT_WRITE_PEERS=1 swift test --filter PeerCrosswalkTests`.
            Meanings are written for httplint, not copied from the peers. A test fails when an id has \
            neither a rule nor a reason, when a named rule does not exist, when the ids differ from the \
            peers' lists in `../shared/reference/peers/`, or when this page is stale.

            \(coverageSentence(peers))


            """
        out += "| peer | source | ids | covered | " + Reason.allCases.map(\.rawValue).joined(separator: " | ") + " | spec-based covered |\n"
        out += "|---|---|---|---|" + Reason.allCases.map { _ in "---|" }.joined() + "---|\n"
        for peer in peers {
            let f = figures(peer.rows)
            out += "| \(peer.name) | \(cell(peer.source)) | \(f.total) | \(f.covered) | "
                + Reason.allCases.map { "\(f.byReason[$0, default: 0])" }.joined(separator: " | ") + " | \(f.specBasedShare)% |\n"
        }
        out += """

            Reasons: **missing**, a check an RFC or standard supports that httplint does not make yet; \
            **not-a-check**, a remark that describes the message (a status's meaning, a policy in force, \
            a trace of the tool's own work); **out-of-scope**, a judgement of the client's request, of \
            HTTP/2 frames or of the tool's own input; **not-in-rfc**, advice no RFC or standard supports; \
            **needs-data**, a check that needs what a capture does not hold; **wrong**, a check the RFCs \
            contradict; **duplicate**, the same check as another id.


            """
        for peer in peers {
            out += "## \(peer.name)\n\n\(cell(peer.source))\n\n| id | meaning | httplint | or why not |\n|---|---|---|---|\n"
            for row in peer.rows {
                let rules = row.rules.map { "[`\($0)`](README.md#\($0))" }.joined(separator: ", ")
                let why = row.rules.isEmpty ? "**\(row.reason?.rawValue ?? "?")**: \(cell(row.reasonText))" : cell(row.note)
                out += "| `\(row.id)` | \(cell(row.meaning)) | \(rules) | \(why) |\n"
            }
            out += "\n"
        }
        return out
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
