/// The kinds of input httplint reads, what each can support, and how each is recognised.
public enum InputKind: String, CaseIterable, Sendable {
    /// Raw HTTP/1.x response bytes, one response or a stream (`nc`, `curl --raw`, a capture).
    case raw
    /// A `curl -i` or `curl -v` transcript.
    case curl
    /// A HAR 1.2 archive (browsers, mitmproxy, Charles, Playwright).
    case har
    /// JSON Lines of records, each an input of its own (see ``Records``); never detected,
    /// always named (`--input records`).
    case records
    /// A packet capture (pcap or pcapng): each HTTP/1.x connection reassembled and linted.
    case pcap

    /// Recognises the kind: a pcap or pcapng magic number is a capture; a `.har` file or a
    /// JSON object with `"log"` is HAR; lines starting with `* `, `> ` or `< ` are a `curl -v`
    /// transcript; anything else is read as raw bytes (a `curl -i` transcript looks like raw bytes: name it with `--input curl`).
    public static func detect(_ bytes: [UInt8], name: String = "") -> InputKind {
        if CaptureFile.format(of: bytes) != nil { return .pcap }
        // The extension in any case, compared as bytes (`lowercased()` of every path cost more
        // than the rest of the detection).
        let tail = name.utf8.suffix(4)
        if tail.elementsEqual(".har".utf8, by: { byte, wanted in byte == wanted || (wanted >= 0x61 && byte | 0x20 == wanted) }) {
            return .har
        }
        let head = bytes.prefix(4096)
        guard let first = head.firstIndex(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A) }) else { return .raw }
        if head[first] == 0x7B, SourceText.decode(head).contains("\"log\"") { return .har }
        if CurlTranscript.isVerbose(bytes) { return .curl }
        return .raw
    }

    /// Rules whose findings this kind of input cannot support, and that are therefore not
    /// reported: a curl transcript has its content de-chunked (or, with `-v`, absent; with
    /// `--compressed`, decoded) and joins responses from several connections; a HAR entry and
    /// its request are rebuilt from decoded parts.
    public var unsupportedRules: Set<String> {
        switch self {
        case .raw, .records, .pcap:
            return []
        case .curl:
            return Set(["truncated-content", "bytes-after-message", "invalid-chunk-size", "invalid-chunk-extension",
                        "invalid-chunk-terminator", "extra-line-breaks", "response-after-connection-close"])
                .union(RuleCatalogue.rules.map { $0.description }.filter { $0.category == .content }.map { $0.id })
        case .har:
            // The request is rebuilt too: whether it had a Host field or whitespace before a
            // colon cannot be known (HTTP/2 entries carry :authority instead of Host), nor how
            // its request line was written.
            return Set(RuleCatalogue.rules.map { $0.description }.filter { $0.category.needsBytesAsSent }.map { $0.id })
                .union(["success-for-invalid-request", "invalid-request-not-400", "invalid-request-line-accepted"])
        }
    }
}

extension Linter {
    /// Lints one input of the given kind (detected from its bytes when `nil`). A HAR archive
    /// gives one report per entry, a capture one per connection; other kinds give one report.
    ///
    /// - Parameters:
    ///   - requests: the requests the responses answer, for raw input (transcripts, archives
    ///     and captures carry their own).
    ///   - ports: for a capture, the TCP ports whose connections are read (all when empty).
    public func lintInput(named name: String, bytes: [UInt8], kind: InputKind? = nil, requests: [Request] = [],
                          ports: Set<Int> = []) -> [InputReport] {
        let kind = kind ?? InputKind.detect(bytes, name: name)
        let unsupported = kind.unsupportedRules
        func keepSupported(_ result: LintResult) -> LintResult {
            LintResult(source: result.source, exchanges: result.exchanges,
                       findings: result.findings.filter { !unsupported.contains($0.rule) })
        }
        switch kind {
        case .raw:
            return [InputReport(name: name, outcome: .linted(lint(SourceText(name: name, bytes: bytes), requests: requests)))]
        case .curl:
            let (source, exchanges) = CurlTranscript.exchanges(name: name, bytes: bytes, limits: configuration.limits)
            let result = LintResult(source: source, exchanges: exchanges, findings: lint(exchanges))
            return [InputReport(name: name, outcome: .linted(keepSupported(result)))]
        case .pcap:
            return lintCapture(named: name, bytes: bytes, ports: ports)
        case .har:
            switch HARArchive.entries(bytes, maxDepth: configuration.limits.maxJSONDepth) {
            case .failure(let problem):
                return [InputReport(name: name, outcome: .failed("cannot read '\(name)' as HAR: \(problem.description)"))]
            case .success(let located):
                if located.isEmpty { return [InputReport(name: name, outcome: .failed("'\(name)' is a HAR archive with no entries"))] }
                // One entry parsed at a time, its JSON values let go once it is linted.
                return located.enumerated().map { number, place in
                    let entry: HARArchive.Entry
                    switch HARArchive.entry(number, at: place, in: bytes) {
                    case .success(let read): entry = read
                    case .failure(let problem):
                        return InputReport(name: name, part: "entry \(number)", partLine: place.line,
                                           outcome: .failed("cannot read '\(name)' as HAR: \(problem.description)"))
                    }
                    let source = SourceText(name: name, bytes: entry.response)
                    var requests: [Request] = []
                    if let request = entry.request {
                        requests = RequestParser.parse(SourceText(name: name, bytes: request), limits: configuration.limits)
                    }
                    var exchanges = entry.response.isEmpty ? [] : ResponseParser.parse(source, requests: requests, limits: configuration.limits)
                    if let version = entry.version { exchanges = exchanges.map { $0.recorded(as: version) } }
                    let result = LintResult(source: source, exchanges: exchanges, findings: lint(exchanges))
                    return InputReport(name: name, part: entry.label, partLine: place.line,
                                       outcome: .linted(keepSupported(result)))
                }
            }
        case .records:
            return Records.lint(bytes, with: self)
        }
    }
}
