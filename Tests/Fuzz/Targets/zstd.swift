// Fuzz target: arbitrary bytes through the Zstandard decoder (with a small output limit, so
// that the limit is met too, and with the HTTP window and a small one) and through the content
// coding check as zstd and as gzip under zstd.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZstd(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    for maximumWindow in [Zstandard.httpWindowLimit, 1 << 16] {
        var produced = 0
        let (outcome, count) = Zstandard.decode(bytes, limit: 1 << 20, maximumWindow: maximumWindow) { produced += $0.count }
        precondition(count == produced, "every decoded byte reaches the sink")
        switch outcome {
        case .complete(let end): precondition(end <= size, "end past the input")
        case .invalid(_, let offset), .needsDictionary(_, let offset), .windowTooLarge(_, let offset), .checksumMismatch(_, _, let offset):
            precondition(offset >= 0 && offset <= size, "offset outside the input")
        case .truncated, .limitReached: break
        }
    }
    for codings in [["zstd"], ["gzip", "zstd"], ["zstd", "zstd"]] {
        let check = ContentCodingCheck(content: bytes, codings: codings, limit: 1 << 20)
        if let offset = check.problem?.offset { precondition(offset >= 0 && offset <= size, "offset outside the content") }
        precondition(check.problem == nil || !check.isComplete, "a problem and a verdict of decoded")
        precondition(check.noVerdict == nil || (check.problem == nil && !check.isComplete), "no verdict and a verdict")
    }
    return 0
}
