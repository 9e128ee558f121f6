// Fuzz target: the curl -i and curl -v transcript readers and the rules on what they read.
private let linter = Linter(configuration: .init(profile: .all))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCurl(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reports = linter.lintInput(named: "fuzz.txt", bytes: bytes, kind: .curl)
    for report in reports {
        _ = TextReporter().render(report)
        _ = LocatedFinding.all(in: report)
    }
    return 0
}
