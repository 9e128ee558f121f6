/// Lints packet captures: each TCP connection that carries HTTP/1.x becomes one report,
/// its client's stream parsed as requests and its server's as their responses.
///
/// What the capture itself says about a connection is reported under the ids of the
/// catalogue's capture rules (`Rules/Capture/`: ``InputNoteRule``s this reader reports), which
/// the configuration silences or re-rates like any rule.
enum CaptureNote {
    static let gap = "capture-gap"
    static let ended = "capture-ended"
    static let midConnection = "capture-mid-connection"
    static let differingRetransmission = "capture-differing-retransmission"
    static let limitExceeded = "capture-limit-exceeded"
    static let skippedConnection = "capture-skipped-connection"
    static let truncatedFile = "capture-truncated-file"

    static let all = [gap, ended, midConnection, differingRetransmission, limitExceeded, skippedConnection, truncatedFile]
}

extension Linter {
    /// The most bytes kept per direction of one captured connection, unless told otherwise.
    static let defaultCaptureStreamLimit = 64 << 20

    /// Lints a pcap or pcapng capture held whole: one report per HTTP/1.x connection (named
    /// by its endpoints and number: `10.0.0.1:51234 → 10.0.0.2:80 #3`), one per skipped TLS or
    /// HTTP/2 connection, by connection number, then one for the capture as a whole when it
    /// has something to say.
    ///
    /// - Parameters:
    ///   - ports: when not empty, only connections with one of these ports are read.
    ///   - streamLimit: the most bytes kept per direction of a connection.
    func lintCapture(named name: String, bytes: [UInt8], ports: Set<Int> = [], streamLimit: Int? = nil) -> [InputReport] {
        guard let file = CaptureFile(bytes) else {
            return [InputReport(name: name, outcome: .failed("cannot read '\(name)' as a packet capture: it has no pcap or pcapng header"))]
        }
        var order = InNumberOrder<InputReport>()
        var reports: [InputReport] = []
        lintCapture(named: name, file: file, ports: ports, streamLimit: streamLimit) { number, report in
            order.add(number, report) { reports.append($0) }
        }
        return reports
    }

    /// Lints a capture read piece by piece (`initial`, then `read` appends more: 0 at the
    /// end). Each connection is linted as soon as it is over and its bytes let go, so memory
    /// is bounded by the connections open at once times the bytes kept per connection, not by
    /// the capture's size. Reports come through `emit` as connections end, numbered: 1, 2, …
    /// by connection (`nil` for a connection with nothing to report), and after them the
    /// capture's own report, if any, numbered one past the last connection; ``InNumberOrder``
    /// puts them back in order. `false` when the input is not a capture.
    func lintCapture(named name: String, initial: [UInt8], read: @escaping (inout [UInt8], Int) throws -> Int,
                     ports: Set<Int> = [], streamLimit: Int? = nil, emit: (Int, InputReport?) -> Void) -> Bool {
        guard let file = CaptureFile(initial: initial, read: read) else { return false }
        lintCapture(named: name, file: file, ports: ports, streamLimit: streamLimit, emit: emit)
        return true
    }

    private func lintCapture(named name: String, file: CaptureFile, ports: Set<Int>, streamLimit: Int?,
                             emit: (Int, InputReport?) -> Void) {
        let limit = streamLimit ?? min(configuration.limits.maxInputSize, Self.defaultCaptureStreamLimit)
        var capture = PacketCapture(file, limit: limit)
        var notHTTP: [(number: Int, text: String)] = []
        var selected = 0, linted = 0
        while let connections = capture.next() {
            for var connection in connections {
                if !ports.isEmpty, !ports.contains(Int(connection.client.port)), !ports.contains(Int(connection.server.port)) {
                    emit(connection.number, nil)
                    continue
                }
                selected += 1
                let content = ConnectionContent.of(&connection)
                let part = "\(connection.client) → \(connection.server) #\(connection.number)"
                switch content {
                case .http(let clientStart, let serverStart):
                    linted += 1
                    emit(connection.number, lintConnection(connection, name: name, part: part, clientStart: clientStart, serverStart: serverStart))
                case .tls, .http2:
                    linted += 1
                    let why = content == .tls ? "TLS connection not linted: its content is encrypted"
                                              : "HTTP/2 connection not linted: httplint reads HTTP/1.x"
                    let note = captureNote(CaptureNote.skippedConnection, why + " (from frame \(connection.fromClient.firstFrame ?? 0))")
                    emit(connection.number, InputReport(name: name, part: part, outcome: .linted(LintResult(
                        source: SourceText(name: name, bytes: []), exchanges: [], findings: note.map { [$0] } ?? []))))
                case .empty:
                    emit(connection.number, nil)
                case .other:
                    notHTTP.append((connection.number, "#\(connection.number) \(connection.client) → \(connection.server)"))
                    emit(connection.number, nil)
                }
            }
        }
        var notes: [Finding] = []
        if let problem = capture.problem {
            notes += [captureNote(CaptureNote.truncatedFile, problem + "; the packets before it are read")].compactMap { $0 }
        }
        if !notHTTP.isEmpty {
            // Listed by number: connections end in another order.
            let numbered = notHTTP.sorted { $0.number < $1.number }.map(\.text)
            let listed = numbered.prefix(5).joined(separator: ", ") + (notHTTP.count > 5 ? ", …" : "")
            notes += [captureNote(CaptureNote.skippedConnection,
                                  "\(notHTTP.count) TCP connection\(notHTTP.count == 1 ? "" : "s") carry no HTTP/1.x request and are not linted: \(listed)")]
                .compactMap { $0 }
        }
        if linted == 0 {
            let scope = ports.isEmpty ? "" : " on port\(ports.count == 1 ? "" : "s") \(ports.sorted().map(String.init).joined(separator: ", "))"
            notes += [captureNote(CaptureNote.skippedConnection,
                                  "no HTTP/1.x connection\(scope) in the capture (\(capture.packets) packets, "
                                  + "\(capture.connectionCount) TCP connections\(ports.isEmpty ? "" : ", \(selected) on those ports"))")]
                .compactMap { $0 }
        }
        if !notes.isEmpty || linted == 0 {
            emit(capture.connectionCount + 1, InputReport(name: name, part: "capture", outcome: .linted(LintResult(
                source: SourceText(name: name, bytes: []), exchanges: [], findings: notes))))
        }
    }

    /// A finding the capture makes, under its catalogue rule's id and severity (or the
    /// configured one); `nil` when the configuration turns that rule off.
    private func captureNote(_ id: String, _ message: String, at span: ByteSpan = .at(0), exchange: Int = 0) -> Finding? {
        guard let rule = RuleCatalogue.description(of: id), configuration.runs(rule) else { return nil }
        let severity = configuration.severities[id] ?? rule.severity
        return Finding(rule: id, severity: severity, message: message, span: span, exchange: exchange, status: nil)
    }

    private func lintConnection(_ connection: TCPConnection, name: String, part: String, clientStart: Int, serverStart: Int) -> InputReport {
        let client = connection.fromClient, server = connection.fromServer
        let requestSource = SourceText(name: "\(name) [\(part), client]", bytes: Array(client.bytes[clientStart...]))
        let responseSource = SourceText(name: name, bytes: Array(server.bytes[serverStart...]))
        let requests = RequestParser.parse(requestSource, limits: configuration.limits)
        let exchanges = ResponseParser.parse(responseSource, requests: requests, limits: configuration.limits)
        var findings = lint(exchanges)
        var notes: [Finding] = []

        // The first exchange that cannot be judged whole; each side says why.
        var incompleteFrom: Int?
        func markIncomplete(from index: Int, _ note: Finding?) {
            incompleteFrom = min(incompleteFrom ?? index, index)
            if let note { notes.append(note) }
        }
        let responseEnd = responseSource.bytes.count
        func reachesEnd(_ exchange: Exchange) -> Bool {
            let response = exchange.response
            return response.span.end >= responseEnd && (response.content.isTruncated || !response.isHeaderComplete
                || response.content.framing == .closeDelimited
                || exchange.deviations.contains { $0.kind == .missingFinalResponse || $0.kind == .noResponse })
        }
        // The server's stream ends at a hole, at the limit, or where the capture stopped: the
        // exchange cut there, or else the next one (whose answer is missing), is incomplete.
        let serverHole = server.hole
        let serverClosed = server.finOffset != nil || server.reset || client.reset
        let cutExchange = exchanges.firstIndex(where: reachesEnd)
        if serverHole != nil || server.limitReachedAt != nil || (!serverClosed && cutExchange != nil) {
            let index = cutExchange ?? exchanges.count
            let unanswered = max(0, requests.count - index)
            let rest = cutExchange != nil ? "; this response is not linted"
                : unanswered > 0 ? "; the answers to the last \(unanswered) request\(unanswered == 1 ? "" : "s") are not linted" : ""
            let note: Finding?
            if let at = server.limitReachedAt {
                note = captureNote(CaptureNote.limitExceeded, limitMessage(at, side: "server", stream: server) + rest,
                                   at: .at(responseEnd), exchange: index)
            } else if let hole = serverHole {
                note = captureNote(CaptureNote.gap, gapMessage(hole, side: "server", stream: server, start: serverStart) + rest,
                                   at: .at(responseEnd), exchange: index)
            } else {
                note = captureNote(CaptureNote.ended, "the capture ends before this response does (the connection was still open); it is not linted",
                                   at: .at(responseEnd), exchange: index)
            }
            markIncomplete(from: index, note)
        }
        // The client's stream: the requests after a hole (or the limit) are unknown, so the
        // responses from the first request cut by it on cannot be paired.
        let clientHole = client.hole
        if clientHole != nil || client.limitReachedAt != nil {
            let cut = requestSource.bytes.count
            let index = requests.firstIndex { request in
                request.span.end >= cut && request.deviations.contains { $0.kind == .truncatedContent || $0.kind == .truncatedHeaderSection }
            } ?? requests.count
            let message = client.limitReachedAt.map { limitMessage($0, side: "client", stream: client) }
                ?? gapMessage(clientHole!, side: "client", stream: client, start: clientStart)
            let span = index < exchanges.count ? exchanges[index].response.statusLineSpan : .at(responseEnd)
            markIncomplete(from: index, captureNote(client.limitReachedAt == nil ? CaptureNote.gap : CaptureNote.limitExceeded,
                                                    message + (index < exchanges.count ? "; the responses from here on are not linted" : ""),
                                                    at: .at(span.offset), exchange: index))
        } else if !(client.finOffset != nil || client.reset || server.reset),
                  let last = requests.last, last.deviations.contains(where: { $0.kind == .truncatedContent || $0.kind == .truncatedHeaderSection }),
                  requests.count - 1 < exchanges.count {
            markIncomplete(from: requests.count - 1, captureNote(CaptureNote.ended,
                "the capture ends before the request this response answers does; it is not linted",
                at: .at(exchanges[requests.count - 1].response.statusLineSpan.offset), exchange: requests.count - 1))
        }
        if let incompleteFrom { findings.removeAll { $0.exchange >= incompleteFrom } }
        if !client.sawSYN || !server.sawSYN {
            let skippedClient = clientStart, skippedServer = serverStart
            var message = "the capture begins inside this connection (no handshake seen): exchanges before it are not in the capture"
            if skippedClient > 0 || skippedServer > 0 {
                message += "; the first \(skippedClient) bytes from the client and \(skippedServer) from the server, before the first whole "
                    + "request line and the first status line after it, are not linted, and responses are paired from there"
            }
            notes += [captureNote(CaptureNote.midConnection, message)].compactMap { $0 }
        }
        for (side, stream, start) in [("client", client, clientStart), ("server", server, serverStart)] {
            guard let differing = stream.firstDifferingCopy else { continue }
            let more = stream.differingCopies > 1 ? " (and \(stream.differingCopies - 1) more)" : ""
            let message = "retransmitted bytes from the \(side) differ from the first copy at stream offset \(differing.offset)\(more): "
                + "frame \(differing.laterFrame) against frame \(differing.firstFrame); the first copy is read, as the receiver keeps it"
            let at = side == "server" ? max(0, min(differing.offset - start, responseEnd)) : 0
            let exchange = side == "server" ? exchanges.firstIndex { $0.response.span.end > at } ?? max(exchanges.count - 1, 0) : 0
            notes += [captureNote(CaptureNote.differingRetransmission, message, at: .at(at), exchange: exchange)].compactMap { $0 }
        }
        // Each finding names the frame its first byte arrived in, for Wireshark's "Go to packet".
        findings = findings.map { finding in
            guard let frame = server.frame(at: serverStart + finding.span.offset) else { return finding }
            return Finding(rule: finding.rule, severity: finding.severity, message: "\(finding.message) (frame \(frame))", span: finding.span,
                           exchange: finding.exchange, status: finding.status, requestSpan: finding.requestSpan)
        }
        let all = (findings + notes).sorted { ($0.exchange, $0.span.offset) < ($1.exchange, $1.span.offset) }
        return InputReport(name: name, part: part, outcome: .linted(LintResult(source: responseSource, exchanges: exchanges, findings: all)))
    }

    private func gapMessage(_ hole: (offset: Int, length: Int?, resumesAt: Int?), side: String, stream: TCPStream, start: Int) -> String {
        let after = stream.frame(at: max(hole.offset - 1, 0)).map { " after frame \($0)" } ?? ""
        let length = hole.length.map { "\($0) bytes" } ?? "bytes"
        let resumes = hole.resumesAt.map { "; data resumes in frame \($0)" } ?? ""
        return "the capture misses \(length) the \(side) sent at stream offset \(hole.offset)\(after)\(resumes)"
    }

    private func limitMessage(_ offset: Int, side: String, stream: TCPStream) -> String {
        "the \(side)'s stream reaches the \(stream.limit)-byte limit kept per connection at stream offset \(offset); the rest is not read"
    }
}
