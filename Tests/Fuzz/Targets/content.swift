// Fuzz target: arbitrary bytes as content labelled gzip, deflate and both, through the
// DEFLATE decoder and the gzip and zlib checks (with a small output limit, so that the limit
// is met too).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContent(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    for codings in [["gzip"], ["deflate"], ["deflate", "gzip"], ["gzip", "x-gzip"]] {
        let check = ContentCodingCheck(content: bytes, codings: codings, limit: 1 << 20)
        if let offset = check.problem?.offset { precondition(offset >= 0 && offset <= size, "offset outside the content") }
        precondition(check.problem == nil || !check.isComplete, "a problem and a verdict of decoded")
    }
    var produced = 0
    let (outcome, count) = Inflate.decode(bytes, from: 0, limit: 1 << 20) { produced += $0.count }
    precondition(count == produced, "every decoded byte reaches the sink")
    if case .complete(let end) = outcome { precondition(end <= size, "end past the input") }
    return 0
}
