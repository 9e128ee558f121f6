// Fuzz target: the structured-field parser (RFC 9651) as Item, List and Dictionary.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStructuredFields(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? StructuredFields.parseItem(text)
    _ = try? StructuredFields.parseList(text)
    _ = try? StructuredFields.parseDictionary(text)
    return 0
}
