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
