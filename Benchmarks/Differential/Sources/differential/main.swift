// Differential check of HTTP/1.x response framing: httplint's ResponseParser against SwiftNIO's
// NIOHTTP1 HTTPResponseDecoder (llhttp inside), over every llhttp conformance vector and every
// sample. Prints one row per input and the differences for those that disagree.
//
//     cd Benchmarks/Differential && swift run -c release differential [--verbose] [--probes]
//         [--trace TEXT] [--file PATH ...]
//
// --verbose  also list notes (e.g. messages httplint read after NIO stopped) and all deviations
// --probes   also check Probes/*.http (hand-made one-question responses; NAME.req beside one is its request)
// --trace    print every part NIO delivers, for inputs whose id contains TEXT
// --file     check these files instead (NAME.req beside a file is its request)
//
// Inputs are found relative to this package's directory (../../Tests/Conformance, ../../Samples),
// so the check runs from any clone and any working directory. Exit status 0 whatever the result:
// this is a report, not a test.

import Foundation
import HTTPLint
import NIOCore
import NIOEmbedded
import NIOHTTP1

/// httplint's version type (NIOHTTP1 has its own `HTTPVersion`).
typealias LintVersion = HTTPLint.HTTPVersion

// MARK: Inputs

struct Input {
    let id: String
    let bytes: [UInt8]
    /// The requests httplint gets: parsed from NAME.req, or HEADs for skip_body vectors, else none.
    let requests: [Request]
    /// The request heads NIO's decoder is told about, in order (it pairs each final response with one).
    let methods: [(method: String, version: LintVersion?)]
    /// "llhttp", "llhttp lenient(FLAGS)", " HEAD" appended for skip_body; "file" or "file + .req (METHODS)".
    let origin: String
}

let packageDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let repositoryRoot = packageDirectory.appendingPathComponent("../..").standardizedFileURL
let vectorsURL = repositoryRoot.appendingPathComponent("Tests/Conformance/llhttp-responses.jsonl")
let samplesURL = repositoryRoot.appendingPathComponent("Samples")
/// Small hand-made responses that isolate one framing question each (this package's own).
let probesURL = packageDirectory.appendingPathComponent("Probes")

/// NIO pairs every final response with a request head written earlier and fails with
/// `unsolicitedResponse` when there is none; inputs without requests get this many GETs
/// (extra heads are never looked at).
let spareRequests = 32

func request(_ text: String) -> Request {
    // swiftlint:disable:next force_try
    try! RequestParser.parse(SourceText(name: "request", text: text))[0]
}

func loadVectors() throws -> [Input] {
    let text = try String(contentsOf: vectorsURL, encoding: .utf8)
    let head = request("HEAD / HTTP/1.1\r\nHost: example.com\r\n\r\n")
    var inputs: [Input] = []
    for line in text.split(separator: "\n") where !line.isEmpty {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        let id = (object["id"] as! String).replacingOccurrences(of: "test/response/", with: "llhttp/")
        let raw = object["raw"] as! String
        let bytes: [UInt8] = (object["raw_encoding"] as? String) == "base64"
            ? Array(Data(base64Encoded: raw)!) : Array(raw.utf8)
        let harness = object["harness"] as? [String: Any] ?? [:]
        let meta = object["meta"] as? [String: Any] ?? [:]
        let skipBody = (harness["skip_body"] as? Bool ?? false) || (meta["skipBody"] as? Bool ?? false)
        let mode = object["mode"] as? String ?? "default"
        let flags = (object["lenient_flags"] as? [String] ?? []).map { $0.replacingOccurrences(of: "LENIENT_", with: "") }
        var origin = mode == "default" ? "llhttp" : "llhttp lenient(\(flags.joined(separator: ",")))"
        if skipBody { origin += " HEAD" }
        let method = skipBody ? "HEAD" : "GET"
        inputs.append(Input(id: id, bytes: bytes,
                            requests: skipBody ? Array(repeating: head, count: spareRequests) : [],
                            methods: Array(repeating: (method, .http11), count: spareRequests),
                            origin: origin))
    }
    return inputs
}

func loadSamples(_ directory: URL = samplesURL, prefix: String = "samples/") throws -> [Input] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".http") }.sorted()
    return try names.map { try loadFile(directory.appendingPathComponent($0), id: prefix + $0) }
}

/// One response file, with NAME.req beside it as the requests when present.
func loadFile(_ url: URL, id: String) throws -> Input {
    let bytes = Array(try Data(contentsOf: url))
    let requestURL = url.deletingPathExtension().appendingPathExtension("req")
    var requests: [Request] = []
    if let data = try? Data(contentsOf: requestURL) {
        requests = try RequestParser.parse(SourceText(name: requestURL.lastPathComponent, bytes: Array(data)))
    }
    let given = requests.map { (method: $0.method, version: $0.version) }
    let padding = Array(repeating: (method: "GET", version: Optional(LintVersion.http11)), count: spareRequests)
    return Input(id: id, bytes: bytes, requests: requests, methods: given + padding,
                 origin: requests.isEmpty ? "file" : "file + .req (\(requests.map(\.method).joined(separator: ",")))")
}

// MARK: What each parser saw

struct Message: Equatable {
    var status: Int?
    var headerCount: Int
    var body: [UInt8]
    /// httplint: the header section ended with its empty line. NIO: a head part arrived.
    var headComplete: Bool
    /// NIO only: an end part arrived (1xx heads never get one).
    var ended: Bool
    /// httplint's framing, for the report.
    var framing: String
}

struct Outcome {
    var messages: [Message] = []
    /// NIO: the decoder's error; httplint: nil.
    var error: String?
    /// NIO: the error came only when EOF was fed (`HPE_INVALID_EOF_STATE`: the input ended mid-message).
    var errorAtEOF = false
    /// Bytes handed on after an upgrade (NIO) or read as a tunnel (httplint).
    var tunnelBytes = 0
    /// httplint: the kinds of every deviation recorded on the exchanges.
    var deviations: [String] = []
}

func slice(_ bytes: [UInt8], _ span: ByteSpan) -> [UInt8] {
    let lower = min(max(span.offset, 0), bytes.count)
    return Array(bytes[lower..<min(max(span.end, lower), bytes.count)])
}

func runHTTPLint(_ input: Input) -> Outcome {
    let source = SourceText(name: input.id, bytes: input.bytes)
    let exchanges = ResponseParser.parse(source, requests: input.requests)
    var outcome = Outcome()
    for exchange in exchanges {
        outcome.deviations += exchange.deviations.map(\.kind.rawValue)
        for response in exchange.interim + [exchange.response] {
            // The placeholder httplint makes up when the input holds no response at all.
            if response.span.length == 0 && response.status == nil && !response.isHeaderComplete { continue }
            if response.unexpectedContent != nil {
                // Not a parser deviation but the parser's record of bytes after a response that
                // cannot have content (reported by the rule content-not-allowed): a framing fault.
                outcome.deviations.append(unexpectedContentKind)
            }
            let content = response.content
            var body: [UInt8] = []
            let framing: String
            switch content.framing {
            case .none: framing = "none"
            case .tunnel:
                framing = "tunnel"
                outcome.tunnelBytes += content.span.length
            case .chunked:
                framing = "chunked"
                body = content.chunks.flatMap { slice(input.bytes, $0) }
            case .contentLength(let length):
                framing = "CL \(length)"
                body = slice(input.bytes, content.span)
            case .closeDelimited:
                framing = "close"
                body = slice(input.bytes, content.span)
            }
            outcome.messages.append(Message(status: response.status, headerCount: response.fields.count, body: body,
                                            headComplete: response.isHeaderComplete, ended: !content.isTruncated,
                                            framing: framing))
        }
    }
    return outcome
}

func describe(_ error: Error) -> String {
    if let error = error as? HTTPParserError { return "\(error)" }
    return String(describing: error)
}

func runNIO(_ input: Input, trace: Bool = false) -> Outcome {
    var outcome = Outcome()
    let channel = EmbeddedChannel()
    let decoder = ByteToMessageHandler(HTTPResponseDecoder(leftOverBytesStrategy: .forwardBytes,
                                                           informationalResponseStrategy: .forward))
    do {
        try channel.pipeline.syncOperations.addHandler(decoder)
        for (method, version) in input.methods {
            let version = version.map { NIOHTTP1.HTTPVersion(major: $0.major, minor: $0.minor) } ?? .http1_1
            let head = HTTPRequestHead(version: version, method: HTTPMethod(rawValue: method), uri: "/")
            try channel.writeOutbound(HTTPClientRequestPart.head(head))
            _ = try channel.readOutbound(as: HTTPClientRequestPart.self)
        }
    } catch {
        fatalError("cannot set up the NIO channel: \(error)")
    }

    var sawUpgrade = false
    func drain() {
        while let item = try? channel.readInbound(as: Any.self) {
            if trace { print("    NIO read: \(type(of: item)) \(item)") }
            if let part = item as? HTTPClientResponsePart {
                switch part {
                case .head(let head):
                    outcome.messages.append(Message(status: Int(head.status.code), headerCount: head.headers.count,
                                                    body: [], headComplete: true, ended: false, framing: ""))
                    if head.status.code == 101 { sawUpgrade = true }
                case .body(let buffer):
                    if outcome.messages.isEmpty {
                        outcome.messages.append(Message(status: nil, headerCount: 0, body: [], headComplete: false,
                                                        ended: false, framing: ""))
                    }
                    outcome.messages[outcome.messages.count - 1].body += Array(buffer.readableBytesView)
                case .end:
                    if !outcome.messages.isEmpty { outcome.messages[outcome.messages.count - 1].ended = true }
                }
            } else if let buffer = item as? ByteBuffer {
                outcome.tunnelBytes += buffer.readableBytes
            } else if let data = item as? IOData {
                // The leftover bytes an upgrade hands on arrive wrapped as IOData.
                outcome.tunnelBytes += data.readableBytes
            }
        }
    }

    do {
        try channel.writeInbound(channel.allocator.buffer(bytes: input.bytes))
    } catch {
        outcome.error = describe(error)
    }
    drain()
    if sawUpgrade && outcome.error == nil {
        // The decoder stops after a 101 and keeps the rest; removing it hands the bytes on (.forwardBytes).
        // (Never `wait()` here: the removal completes only when the embedded loop runs.)
        _ = channel.pipeline.syncOperations.removeHandler(decoder)
        channel.embeddedEventLoop.run()
        drain()
    }
    // Closing feeds EOF to the decoder: a close-delimited body ends, a truncated message fails.
    do {
        try channel.close().wait()
    } catch {
        if outcome.error == nil { outcome.error = describe(error); outcome.errorAtEOF = true }
    }
    channel.embeddedEventLoop.run()
    drain()
    do {
        try channel.throwIfErrorCaught()
    } catch {
        if outcome.error == nil { outcome.error = describe(error); outcome.errorAtEOF = true }
    }
    return outcome
}

// MARK: Comparison

/// Deviation kinds that RFC 9112 lets a recipient accept (with a fix-up it names), so a parser may
/// go on without an error: bare LF ending a start-line or field line (§2.2 MAY), a bare CR
/// replaced by SP (§2.2), whitespace-preceded lines before the first field consumed (§2.2),
/// obs-fold replaced by SP (§5.2), whitespace before a colon removed (§5.1, what a proxy must do
/// to a response), a repeated identical Content-Length (RFC 9110 §8.6 MAY), a final coding other
/// than chunked in a response: read to close (§6.3 rule 4), Transfer-Encoding in HTTP/1.0
/// (framing unaffected), empty lines around messages (§2.2). Every other kind (new kinds
/// included) counts as a framing error: the message cannot be framed or read reliably, and a
/// strict parser stops there (or at the end of the input, for truncation).
let tolerableKinds: Set<Deviation.Kind> = [
    .bareLF, .bareCR, .whitespaceBeforeFirstField, .obsoleteLineFolding, .whitespaceBeforeColon,
    .duplicateContentLength, .transferEncodingNotChunkedLast, .transferEncodingInHTTP10, .extraLineBreaks,
]
let framingKinds = Set(Deviation.Kind.all).subtracting(tolerableKinds)
/// Bytes after a response that cannot have content (1xx, 204, 304, HEAD) that start no response.
let unexpectedContentKind = "unexpected-content"
let framingRawValues = Set(framingKinds.map(\.rawValue)).union([unexpectedContentKind])

func show(_ bytes: [UInt8]) -> String {
    let text = bytes.prefix(24).map { byte -> String in
        switch byte {
        case 0x0D: return "\\r"
        case 0x0A: return "\\n"
        case 0x20..<0x7F: return String(UnicodeScalar(byte))
        default: return String(format: "\\x%02X", byte)
        }
    }.joined()
    return "\(bytes.count)B \"\(text)\(bytes.count > 24 ? "…" : "")\""
}

func status(_ message: Message) -> String { message.status.map(String.init) ?? "none" }

struct Comparison {
    var differences: [String] = []
    var notes: [String] = []
}

func compare(_ lint: Outcome, _ nio: Outcome) -> Comparison {
    var result = Comparison()
    let framing = lint.deviations.filter(framingRawValues.contains)
    let nioStoppedEarly = nio.error != nil && !nio.errorAtEOF

    // Error or not.
    let lintError = !framing.isEmpty
    if (nio.error != nil) != lintError {
        let other = Array(Set(lint.deviations)).sorted()
        if let error = nio.error {
            result.differences.append("error: NIO \(error)\(nio.errorAtEOF ? " at EOF" : ""); httplint no framing deviation"
                + (other.isEmpty ? "" : " (only \(other.joined(separator: ", ")))"))
        } else {
            result.differences.append("error: NIO none; httplint \(Array(Set(framing)).sorted().joined(separator: ", "))")
        }
    }

    // Messages, pairwise. After NIO stopped on an error it saw no more messages: httplint's further
    // messages are not differences. A header section httplint saw cut off by the end of input is
    // the same as NIO's EOF error.
    let count = max(lint.messages.count, nio.messages.count)
    for index in 0..<count {
        let l = index < lint.messages.count ? lint.messages[index] : nil
        let n = index < nio.messages.count ? nio.messages[index] : nil
        switch (l, n) {
        case let (l?, n?):
            if l.status != n.status {
                result.differences.append("msg \(index) status: NIO \(status(n)), httplint \(status(l))")
            }
            if n.headComplete && l.headerCount != n.headerCount {
                result.differences.append("msg \(index) header count: NIO \(n.headerCount), httplint \(l.headerCount)")
            }
            let nioCut = nioStoppedEarly && !n.ended && index == nio.messages.count - 1
            if l.body != n.body {
                if nioCut {
                    result.notes.append("msg \(index) body: NIO stopped inside it at its error (\(show(n.body))), httplint \(show(l.body)) [\(l.framing)]")
                } else {
                    result.differences.append("msg \(index) body: NIO \(show(n.body)), httplint \(show(l.body)) [\(l.framing)]")
                }
            }
        case let (l?, nil):
            if nioStoppedEarly {
                result.notes.append("msg \(index) (\(status(l))): httplint read on after NIO's error")
            } else if !l.headComplete && nio.error != nil {
                result.notes.append("msg \(index): header section cut off by EOF; NIO fails at EOF, httplint keeps a partial head")
            } else {
                result.differences.append("msg \(index): httplint has a message (\(status(l)), \(l.headerCount) fields, \(show(l.body)) [\(l.framing)]); NIO none")
            }
        case let (nil, n?):
            result.differences.append("msg \(index): NIO has a message (\(status(n)), \(n.headerCount) fields, \(show(n.body))); httplint none")
        case (nil, nil):
            break
        }
    }
    if lint.tunnelBytes != nio.tunnelBytes {
        let text = "bytes after the upgrade: NIO \(nio.tunnelBytes), httplint \(lint.tunnelBytes)"
        // NIO hands on nothing after a decode error; that is the error already counted.
        if nioStoppedEarly { result.notes.append(text) } else { result.differences.append(text) }
    }
    return result
}

// MARK: Run

let arguments = CommandLine.arguments
let verbose = arguments.contains("--verbose")
/// `--probes`: also check the files in Probes/.
let withProbes = arguments.contains("--probes")
/// `--file PATH` (repeatable): check these files instead of the vectors and samples.
let files = arguments.indices.filter { arguments[$0] == "--file" && $0 + 1 < arguments.count }.map { arguments[$0 + 1] }
/// `--trace TEXT`: print every part NIO delivers for the inputs whose id contains TEXT.
let traced = arguments.firstIndex(of: "--trace").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
var inputs: [Input]
do {
    inputs = files.isEmpty
        ? try loadVectors() + loadSamples() + (withProbes ? loadSamples(probesURL, prefix: "probes/") : [])
        : try files.map { try loadFile(URL(fileURLWithPath: $0), id: $0) }
    if let traced { inputs = inputs.filter { $0.id.contains(traced) } }
} catch {
    FileHandle.standardError.write(Data("cannot read the inputs under \(repositoryRoot.path): \(error)\n".utf8))
    exit(2)
}

var agree = 0
var disagree: [String] = []
print("httplint vs NIOHTTP1 HTTPResponseDecoder: \(inputs.count) inputs")
print("")
print("| input | origin | result | httplint | NIO |")
print("|---|---|---|---|---|")
var details: [String] = []
for input in inputs {
    let lint = runHTTPLint(input)
    if traced != nil { print("\(input.id):") }
    let nio = runNIO(input, trace: traced != nil)
    let comparison = compare(lint, nio)
    let lintSummary = lint.messages.map { "\(status($0))/\($0.headerCount)h/\($0.body.count)B" }.joined(separator: " ")
        + { let f = Array(Set(lint.deviations.filter(framingRawValues.contains))).sorted(); return f.isEmpty ? "" : " !" + f.joined(separator: ",") }()
    let nioSummary = nio.messages.map { "\(status($0))/\($0.headerCount)h/\($0.body.count)B" }.joined(separator: " ")
        + (nio.error.map { " !\($0)\(nio.errorAtEOF ? "@EOF" : "")" } ?? "")
    let verdict = comparison.differences.isEmpty ? "agree" : "DISAGREE"
    if comparison.differences.isEmpty { agree += 1 } else { disagree.append(input.id) }
    print("| \(input.id) | \(input.origin) | \(verdict) | \(lintSummary) | \(nioSummary) |")
    if !comparison.differences.isEmpty || (verbose && !comparison.notes.isEmpty) {
        var block = "\(input.id) [\(input.origin)]: \(verdict)"
        for difference in comparison.differences { block += "\n    - \(difference)" }
        for note in comparison.notes { block += "\n    · \(note)" }
        if verbose { block += "\n    · httplint deviations: \(lint.deviations.joined(separator: ", "))" }
        details.append(block)
    }
}
print("")
print("agree: \(agree), disagree: \(disagree.count), of \(inputs.count)")
print("")
for block in details { print(block) }
