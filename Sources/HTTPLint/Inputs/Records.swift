import Foundation

/// Records: one JSON object per line, each an input of its own, for engines that shard
/// recorded traffic (a Spark job piping partitions through `httplint --input records -`):
///
///     {"name": "edge-3/0001", "response": "<base64>", "request": "<base64>"}
///     {"name": "api/login", "response_text": "HTTP/1.1 200 OK\r\n…", "request_text": "GET /login HTTP/1.1\r\n…"}
///     {"name": "session.har", "input": "har", "response_text": "{\"log\": …}"}
///
/// `request` (or `request_text`) is optional; `input` names the kind of the response bytes
/// (`raw` by default, `curl`, `har`). A record that cannot be read is reported under its name
/// (or `record N`) and never affects the next one.
public enum Records {
    /// One record, read.
    public struct Record: Sendable {
        public let name: String
        public let response: [UInt8]
        public let request: [UInt8]?
        public let kind: InputKind
    }

    /// Reads the record on one line; `number` (1-based) names a record without a name.
    public static func read(_ line: ArraySlice<UInt8>, number: Int) -> Result<Record, Problem> {
        let fallback = "record \(number)"
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
            return .failure(Problem(name: fallback, reason: "line \(number) is not a JSON object"))
        }
        let name = (object["name"] as? String).map { $0.isEmpty ? fallback : $0 } ?? fallback
        func bytes(_ key: String) -> Result<[UInt8]?, Problem> {
            if let text = object[key + "_text"] as? String { return .success(Array(text.utf8)) }
            guard let value = object[key] else { return .success(nil) }
            guard let text = value as? String, let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
                return .failure(Problem(name: name, reason: "'\(key)' is not base64 text (use '\(key)_text' for plain text)"))
            }
            return .success(Array(data))
        }
        let kind: InputKind
        if let text = object["input"] as? String {
            guard let named = InputKind(rawValue: text), named != .records else {
                return .failure(Problem(name: name, reason: "'input' is '\(text)'; use raw, curl or har"))
            }
            kind = named
        } else {
            kind = .raw
        }
        switch (bytes("response"), bytes("request")) {
        case (.failure(let problem), _), (_, .failure(let problem)):
            return .failure(problem)
        case (.success(nil), _):
            return .failure(Problem(name: name, reason: "the record has no 'response' or 'response_text'"))
        case (.success(let response?), .success(let request)):
            return .success(Record(name: name, response: response, request: request, kind: kind))
        }
    }

    /// Why a record could not be read, under the name it is reported by.
    public struct Problem: Error, Sendable {
        public let name: String
        public let reason: String
    }

    /// Reads records line by line from `stream` and hands the reports of each, in order, to
    /// `emit`. Memory holds one line at a time; a line longer than `maxLineLength` is reported
    /// and skipped.
    public static func lint(_ stream: InputReader.Stream, with linter: Linter, maxLineLength: Int,
                            emit: (InputReport) -> Void) throws(InputReader.Failure) {
        var buffer: [UInt8] = []
        var number = 0
        var skipping = false
        func handle(_ line: ArraySlice<UInt8>) {
            guard !isBlank(line) else { return }
            number += 1
            guard line.count <= maxLineLength else {
                emit(tooLong(number, maxLineLength))
                return
            }
            for report in lint(line, number: number, with: linter) { emit(report) }
        }
        while true {
            let atEnd = try stream.read(into: &buffer, upTo: 1 << 20) == 0
            var start = 0
            if skipping {
                // The rest of a line too long to read: dropped up to its end.
                guard let newline = buffer.firstIndex(of: 0x0A) else {
                    buffer.removeAll(keepingCapacity: true)
                    if atEnd { return }
                    continue
                }
                start = newline + 1
                skipping = false
            }
            while let newline = buffer[start...].firstIndex(of: 0x0A) {
                handle(buffer[start..<newline])
                start = newline + 1
            }
            if atEnd {
                if start < buffer.count { handle(buffer[start...]) }
                return
            }
            buffer.removeFirst(start)
            if buffer.count > maxLineLength {
                number += 1
                emit(tooLong(number, maxLineLength))
                buffer.removeAll(keepingCapacity: true)
                skipping = true
            }
        }
    }

    private static func tooLong(_ number: Int, _ limit: Int) -> InputReport {
        InputReport(name: "record \(number)", outcome: .failed("record \(number) is longer than \(limit) bytes, the limit for one record; skipped"))
    }

    /// The reports of every record in `bytes`, held whole (a file named with `--input records`).
    public static func lint(_ bytes: [UInt8], with linter: Linter) -> [InputReport] {
        var reports: [InputReport] = []
        var number = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) where !isBlank(line) {
            number += 1
            reports += lint(line, number: number, with: linter)
        }
        return reports
    }

    /// A line of whitespace only holds no record (and is not counted).
    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// The reports of the record on one line.
    public static func lint(_ line: ArraySlice<UInt8>, number: Int, with linter: Linter) -> [InputReport] {
        switch read(line, number: number) {
        case .failure(let problem):
            return [InputReport(name: problem.name, outcome: .failed("\(problem.name): \(problem.reason)"))]
        case .success(let record):
            let requests = record.request.map {
                RequestParser.parse(SourceText(name: record.name + " (request)", bytes: $0), limits: linter.configuration.limits)
            } ?? []
            return linter.lintInput(named: record.name, bytes: record.response, kind: record.kind, requests: requests)
        }
    }
}
