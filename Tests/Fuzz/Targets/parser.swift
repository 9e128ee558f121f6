// Fuzz target: the response and request parsers on arbitrary bytes, alone and paired.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = SourceText(name: "fuzz", bytes: bytes)
    let exchanges = ResponseParser.parse(source)
    precondition(!exchanges.isEmpty, "every input gives at least one exchange")
    for exchange in exchanges {
        for response in exchange.responses {
            for field in response.fields { _ = field.value; _ = field.name; _ = field.listElements }
            precondition(response.span.end <= bytes.count, "spans stay inside the input")
        }
    }
    do {
        let requests = RequestParser.parse(source)
        for request in requests { precondition(request.span.end <= bytes.count && request.lineSpan.end <= bytes.count, "request spans stay inside the input") }
        _ = ResponseParser.parse(SourceText(name: "r", text: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"), requests: requests)
    }
    let half = size / 2
    _ = ResponseParser.parse(source, range: half..<size, firstIndex: 3)
    return 0
}
