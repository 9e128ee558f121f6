// Fuzz target: the request parser on arbitrary bytes, with and without content, and the
// responses it pairs with.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = SourceText(name: "fuzz.req", bytes: bytes)
    for contentIncluded in [true, false] {
        let requests = RequestParser.parse(source, contentIncluded: contentIncluded)
        var previousEnd = 0
        for request in requests {
            for span in [request.span, request.lineSpan, request.methodSpan, request.targetSpan, request.versionSpan, request.contentSpan] {
                precondition(span.offset >= 0 && span.length >= 0 && span.end <= bytes.count, "request spans stay inside the input")
            }
            precondition(request.span.offset >= previousEnd, "requests come in order and do not overlap")
            previousEnd = request.span.end
            for deviation in request.deviations {
                precondition(deviation.span.offset >= 0 && deviation.span.end <= bytes.count, "deviation spans stay inside the input")
            }
            for field in request.fields { _ = field.name; _ = field.value; _ = field.listElements }
            _ = request.requiresClose
        }
        // Whatever was read, its response is linted.
        let answer = SourceText(name: "r", text: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        precondition(!ResponseParser.parse(answer, requests: requests).isEmpty, "the response is read")
    }
    return 0
}
