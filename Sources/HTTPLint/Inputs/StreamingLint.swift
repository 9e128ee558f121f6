import HTTPLintCore

extension Linter {
    /// Lints a raw response stream of any size in bounded memory: the bytes are read a window
    /// at a time, the complete exchanges of each window are linted and handed to `emit` (one
    /// report per window, all with the same name), and the window moves on. Findings, lines,
    /// columns and offsets are those of linting the whole input at once.
    ///
    /// Each new window starts at the last exchange already reported, which is parsed again
    /// (not reported again), so that what one response says about the next (Connection:
    /// close) still holds across windows. A window grows when one exchange does not fit; an
    /// exchange larger than `maxWindow` is an input error.
    ///
    /// - Parameters:
    ///   - initial: bytes already read from the input (to recognise its kind).
    ///   - window: bytes read before each parse.
    ///   - read: appends up to the given number of bytes; returns how many (0 at the end).
    public func lintStream(named name: String, initial: [UInt8] = [], requests: [Request] = [],
                           window: Int = 1 << 20, maxWindow: Int? = nil,
                           read: (inout [UInt8], Int) throws -> Int, emit: (InputReport) -> Void) rethrows {
        let maxWindow = maxWindow ?? configuration.limits.maxInputSize
        var buffer = initial
        var origin = SourceText.Origin.start
        var firstIndex = 0
        // Whether the window starts with an exchange already reported.
        var overlaps = false
        var atEnd = false
        var wanted = window
        /// What one window's parse leads to.
        enum Step { case grow, done, advance(cut: Int, firstIndex: Int) }
        while true {
            while !atEnd, buffer.count < wanted {
                if try read(&buffer, wanted - buffer.count) == 0 { atEnd = true }
            }
            // The window is parsed, linted and reported in a scope of its own, so that its source
            // text and exchanges (which share the buffer's storage) are let go before the buffer
            // moves on: the cut then moves the rest of the bytes in place instead of copying the
            // whole buffer into new pages.
            let step: Step = {
                let source = SourceText(name: name, bytes: buffer, origin: origin)
                let pending = firstIndex < requests.count ? Array(requests[firstIndex...]) : []
                let exchanges = ResponseParser.parse(source, requests: pending, firstIndex: firstIndex, limits: configuration.limits)
                let skip = overlaps ? 1 : 0
                // The parser stops for good at a limit or a tunnel: nothing after it is read.
                let stops = exchanges.last.map { exchange in
                    exchange.deviations.contains { $0.kind == .limitExceeded } || exchange.response.content.framing == .tunnel
                } ?? false
                let isLast = atEnd || stops
                // Unless the input ends here, the last exchange may be cut by the window: it waits
                // for the next one, which must hold at least one exchange more than it reports.
                guard isLast || exchanges.count >= skip + 2 else { return .grow }
                let end = isLast ? exchanges.count : exchanges.count - 1
                let reported = Array(exchanges[min(skip, end)..<end])
                var report = InputReport(name: name, outcome: .linted(LintResult(source: source, exchanges: reported, findings: lint(reported))))
                report.continues = !isLast
                emit(report)
                if isLast { return .done }
                let next = exchanges[end - 1]
                return .advance(cut: next.startOffset, firstIndex: next.index)
            }()
            switch step {
            case .done:
                return
            case .grow:
                guard buffer.count < maxWindow else {
                    // Bytes that are not HTTP running to the end of the input are judged as they
                    // are when the input is read whole; anything else this large is an error.
                    if try finishWithBytesNotHTTP(named: name, buffer: buffer, origin: origin, requests: requests,
                                                  firstIndex: firstIndex, skip: overlaps ? 1 : 0, read: read, emit: emit) {
                        return
                    }
                    emit(InputReport(name: name, outcome: .failed(
                        "cannot read '\(name)': one exchange at byte \(origin.offset) is larger than \(maxWindow) bytes, the limit (--max-input-size)")))
                    return
                }
                wanted = min(maxWindow, max(wanted, buffer.count) * 2)
            case .advance(let cut, let next):
                origin = origin.advanced(over: buffer, upTo: cut)
                buffer.removeSubrange(0..<cut)
                firstIndex = next
                overlaps = true
                wanted = max(window, buffer.count + window / 2)
            }
        }
    }
}

extension Linter {
    /// When the window is full and its last exchange ends in bytes that are not HTTP (a whole
    /// input of them, or bytes after a message) running to the window's end, reads the rest of
    /// the input without keeping it. If no line starting `HTTP/` follows, as for garbage to the
    /// end of the input, the window is reported as the whole input would be: the skipped bytes'
    /// span and count (and the first line's end) are those of all of them. Returns `false`,
    /// having read on, when a status line does follow (the caller reports the input as too
    /// large) or when the window does not end that way.
    fileprivate func finishWithBytesNotHTTP(named name: String, buffer: [UInt8], origin: SourceText.Origin,
                                            requests: [Request], firstIndex: Int, skip: Int,
                                            read: (inout [UInt8], Int) throws -> Int, emit: (InputReport) -> Void) rethrows -> Bool {
        let source = SourceText(name: name, bytes: buffer, origin: origin)
        let pending = firstIndex < requests.count ? Array(requests[firstIndex...]) : []
        let exchanges = ResponseParser.parse(source, requests: pending, firstIndex: firstIndex, limits: configuration.limits)
        guard let last = exchanges.last, exchanges.count > skip else { return false }
        // After a message, the skipped bytes are the deviation's span; at the start of the input
        // (an exchange with no response), its span is the first line, and the skip ran to the end.
        guard let place = last.deviations.lastIndex(where: { deviation in
            (deviation.kind == .bytesAfterMessage && deviation.span.end == buffer.count)
                || (deviation.kind == .notHTTP && exchanges.count == 1 && last.response.status == nil && deviation.span.length > 0)
        }) else { return false }
        let deviation = last.deviations[place]
        let lineRunsOn = deviation.kind == .notHTTP && deviation.span.end == buffer.count
        // Read on: a line feed followed by "HTTP/" (any case) would resume reading there.
        var carry = Array(buffer.suffix(5))
        var drained = 0
        var previous = buffer.last
        var lineEnd: Int?
        var chunk: [UInt8] = []
        while true {
            chunk.removeAll(keepingCapacity: true)
            let count = try read(&chunk, 1 << 20)
            if count == 0 { break }
            let joined = carry + chunk
            var from = 0
            while let feed = ByteSearch.first(0x0A, in: joined, from..<max(from, joined.count - 5)) {
                if Self.startsHTTP(joined, at: feed + 1) { return false }
                from = feed + 1
            }
            if lineRunsOn, lineEnd == nil, let feed = ByteSearch.first(0x0A, in: chunk, 0..<chunk.count) {
                let before = feed > 0 ? chunk[feed - 1] : previous
                lineEnd = buffer.count + drained + feed - (before == 0x0D ? 1 : 0)
            }
            drained += count
            previous = chunk.last
            carry = Array(joined.suffix(5))
        }
        let total = buffer.count + drained
        var deviations = last.deviations
        if deviation.kind == .bytesAfterMessage {
            let span = ByteSpan(deviation.span.offset..<total)
            let counted = "\(deviation.span.length) bytes"
            guard deviation.message.hasPrefix(counted) else { return false }
            deviations[place] = Deviation(.bytesAfterMessage, span, "\(span.length) bytes" + deviation.message.dropFirst(counted.count))
        } else if lineRunsOn {
            deviations[place] = Deviation(.notHTTP, ByteSpan(deviation.span.offset..<(lineEnd ?? total)), deviation.message)
        }
        var reported = Array(exchanges[skip...])
        reported[reported.count - 1] = Exchange(index: last.index, request: last.request, interim: last.interim,
                                                response: last.response, deviations: deviations)
        emit(InputReport(name: name, outcome: .linted(LintResult(source: source, exchanges: reported, findings: lint(reported)))))
        return true
    }

    /// Whether `bytes` hold "HTTP/" in any case at `index`, as a status line starts.
    private static func startsHTTP(_ bytes: [UInt8], at index: Int) -> Bool {
        let prefix: [UInt8] = [0x68, 0x74, 0x74, 0x70, 0x2F]
        guard index + 5 <= bytes.count else { return false }
        for offset in 0..<5 {
            let byte = bytes[index + offset]
            let lower: UInt8 = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lower != prefix[offset] { return false }
        }
        return true
    }
}

extension Exchange {
    /// Where the exchange's first response starts.
    var startOffset: Int {
        responses.map(\.span.offset).min() ?? response.span.offset
    }
}

extension SourceText.Origin {
    /// The position just past `bytes[..<end]`, read from this one: line breaks found with the
    /// C library's `memchr`, not byte by byte.
    func advanced(over bytes: [UInt8], upTo end: Int) -> Self {
        var breaks = 0
        var lastBreak = -1
        var from = 0
        while let found = ByteSearch.first(0x0A, in: bytes, from..<end) {
            breaks += 1
            lastBreak = found
            from = found + 1
        }
        guard lastBreak >= 0 else { return Self(offset: offset + end, line: line, column: column + end) }
        return Self(offset: offset + end, line: line + breaks, column: end - lastBreak)
    }
}
