import HTTPLintCore

/// A Server-Timing dur parameter whose value does not start with a number.
struct ServerTimingBadDuration: Rule {
    static let description = RuleDescription(
        id: "server-timing-bad-duration",
        severity: .info,
        category: .fields,
        summary: "Server-Timing dur whose value is not a number of milliseconds",
        rationale: """
            Server Timing (W3C), "The Server-Timing Header Field" and its processing model: a \
            metric's dur parameter is its duration in milliseconds, read with the HTML rules \
            for parsing floating-point number values; a value those rules reject (`dur=fast`, \
            `dur=\"\"`, `dur=ms12`) makes the duration 0, so developer tools and \
            PerformanceServerTiming show the metric as taking no time. Only values that yield \
            no number at all are reported, not a unit after the number.
            """,
        fix: "Give dur a plain number of milliseconds: `Server-Timing: db;dur=53.2`",
        spec: [SpecReference(document: "Server Timing", section: "3",
                             url: "https://www.w3.org/TR/server-timing/#the-server-timing-header-field")],
        fields: ["Server-Timing"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nServer-Timing: db;dur=fast, app;dur=47.2\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nServer-Timing: cache;desc=\"hit; edge\";DUR=\"\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nServer-Timing: db;dur=53, app;dur=47.2;desc=\"render\", cdn-cache;desc=HIT, total;dur=.5\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nServer-Timing: miss, db;dur=\"1e3\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(Self.serverTiming) {
            guard !Self.everyDurStartsWithNumber(field.valueUTF8Slice) else { continue }
            for message in Self.messages(scanning: field.valueUTF8) {
                report.add(message, at: field.valueSpan, status: response.status)
            }
        }
    }

    /// The findings of one value, read by the scanner: one for each dur parameter whose value
    /// does not start with a number, up to where the value stops parsing.
    static func messages(scanning bytes: [UInt8]) -> [String] {
        var messages: [String] = []
        var scanner = ParameterScanner(bytes)
        while true {
            scanner.skipWhitespace()
            if scanner.isAtEnd { break }
            if scanner.peek == 0x2C { scanner.index += 1; continue }
            guard let metric = scanner.token(),
                  case .success(let parameters) = scanner.parameters(valueRequired: false, spaceAroundEquals: true, stopAtComma: true)
            else { break }
            for parameter in parameters where parameter.key == "dur" && !Self.startsWithNumber(parameter.value ?? []) {
                messages.append("Server-Timing metric \(Printable.escape(metric)) has dur=\(Printable.escape(parameter.text.isEmpty ? "\"\"" : parameter.text)), which is no number, so its duration counts as 0")
            }
        }
        return messages
    }

    static let serverTiming = TableField("Server-Timing")

    /// Whether every `dur` in `bytes` (any ASCII case, anywhere) is followed by optional
    /// whitespace, `=`, optional whitespace and a value that starts with a number, unquoted or
    /// quoted: then no dur parameter the scanner reads can be a finding (a parameter named dur
    /// is one of these places), and the value need not be scanned. `false` says nothing.
    static func everyDurStartsWithNumber(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index + 3 <= bytes.count {
                guard bytes[index] | 0x20 == 0x64, bytes[index + 1] | 0x20 == 0x75, bytes[index + 2] | 0x20 == 0x72 else {
                    index += 1
                    continue
                }
                var position = index + 3
                while position < bytes.count, bytes[position].isHTTPWhitespace { position += 1 }
                guard position < bytes.count, bytes[position] == 0x3D else { return false }
                position += 1
                while position < bytes.count, bytes[position].isHTTPWhitespace { position += 1 }
                if position < bytes.count, bytes[position] == 0x22 { position += 1 }
                if position < bytes.count, bytes[position] == 0x2D || bytes[position] == 0x2B { position += 1 }
                guard position < bytes.count else { return false }
                if !bytes[position].isASCIIDigit {
                    guard bytes[position] == 0x2E, position + 1 < bytes.count, bytes[position + 1].isASCIIDigit else { return false }
                }
                index += 3
            }
            return true
        }
    }

    /// Whether the HTML floating-point rules find a number at the start: an optional sign,
    /// then a digit, or a '.' and a digit.
    static func startsWithNumber(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if index < bytes.count, bytes[index] == 0x2D || bytes[index] == 0x2B { index += 1 }
        guard index < bytes.count else { return false }
        if bytes[index].isASCIIDigit { return true }
        return bytes[index] == 0x2E && index + 1 < bytes.count && bytes[index + 1].isASCIIDigit
    }
}
