// Fuzz target: the HAR reader (JSON of any shape) and the rules on what it rebuilds.
private let linter = Linter(configuration: .init(profile: .all))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHAR(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reports = linter.lintInput(named: "fuzz.har", bytes: bytes, kind: .har)
    precondition(!reports.isEmpty, "every archive gives a report or an error")
    _ = SARIFReporter().finish(reports)
    return 0
}
