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
        while true {
            while !atEnd, buffer.count < wanted {
                if try read(&buffer, wanted - buffer.count) == 0 { atEnd = true }
            }
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
            guard isLast || exchanges.count >= skip + 2 else {
                guard buffer.count < maxWindow else {
                    emit(InputReport(name: name, outcome: .failed(
                        "cannot read '\(name)': one exchange at byte \(origin.offset) is larger than \(maxWindow) bytes, the limit (--max-input-size)")))
                    return
                }
                wanted = min(maxWindow, max(wanted, buffer.count) * 2)
                continue
            }
            let end = isLast ? exchanges.count : exchanges.count - 1
            let reported = Array(exchanges[min(skip, end)..<end])
            emit(InputReport(name: name, outcome: .linted(LintResult(source: source, exchanges: reported, findings: lint(reported)))))
            if isLast { return }
            let next = exchanges[end - 1]
            let cut = next.startOffset
            origin = origin.advanced(over: buffer[0..<cut])
            buffer.removeFirst(cut)
            firstIndex = next.index
            overlaps = true
            wanted = max(window, buffer.count + window / 2)
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
    /// The position just past `bytes`, read from this one.
    func advanced(over bytes: ArraySlice<UInt8>) -> Self {
        guard let lastBreak = bytes.lastIndex(of: 0x0A) else {
            return Self(offset: offset + bytes.count, line: line, column: column + bytes.count)
        }
        let breaks = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return Self(offset: offset + bytes.count, line: line + breaks, column: bytes.endIndex - lastBreak)
    }
}
