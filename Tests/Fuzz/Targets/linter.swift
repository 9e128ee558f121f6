// Fuzz target: every rule (profile all) on arbitrary bytes, without a request and answering
// HEAD, CONNECT and HTTP/1.0 requests, rendered in every output format.
private let requests: [[Request]] = ["HEAD / HTTP/1.1\r\nHost: x\r\n\r\n", "CONNECT x:443 HTTP/1.1\r\nHost: x:443\r\n\r\n",
                                      "POST / HTTP/1.0\r\nExpect: 100-continue\r\nIf-None-Match: \"a\"\r\n\r\n"]
    .map { RequestParser.parse(SourceText(name: "r", text: $0)) }
private let linter = Linter(configuration: .init(profile: .all))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLinter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var reports = linter.lintInput(named: "fuzz.http", bytes: bytes, kind: .raw)
    for request in requests { reports += linter.lintInput(named: "fuzz.http", bytes: bytes, kind: .raw, requests: request) }
    for format in OutputFormat.allCases {
        let reporter = format.reporter(useColor: true)
        _ = reports.map(reporter.render).joined() + reporter.finish(reports)
    }
    return 0
}
