// Fuzz target: arbitrary bytes through the brotli decoder (RFC 7932) and as content labelled
// br, alone and in stacks (with a small output limit, so that the limit is met too).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBrotli(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let limit = 1 << 20
    var produced = 0
    let (outcome, count) = Brotli.decode(bytes, from: 0, limit: limit) { produced += $0.count }
    precondition(count == produced, "every decoded byte reaches the sink")
    switch outcome {
    case .complete(let end): precondition(end > 0 && end <= size, "end outside the input")
    case .invalid(_, let offset): precondition(offset >= 0 && offset < size, "offset outside the input")
    case .limitReached: precondition(count > limit, "stopped at the limit before reaching it")
    case .truncated: precondition(count <= limit, "more than the limit decoded")
    }
    for codings in [["br"], ["gzip", "br"], ["br", "br"], ["br", "identity"]] {
        let check = ContentCodingCheck(content: bytes, codings: codings, limit: limit)
        if let offset = check.problem?.offset { precondition(offset >= 0 && offset <= size, "offset outside the content") }
        precondition(check.problem == nil || !check.isComplete, "a problem and a verdict of decoded")
    }
    return 0
}
