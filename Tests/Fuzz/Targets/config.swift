import Foundation

// Fuzz target: the .httplint.json and baseline readers on arbitrary JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    if let object = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]) {
        if let file = try? ConfigurationFile.parse(object, path: "fuzz.json") {
            _ = file.ruleSettings(for: "a/b/c.http")
            _ = file.ignores("a/b/c.http")
        }
    }
    let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("httplint-fuzz-baseline-\(getpid()).json")
    if (try? bytes.write(to: url)) != nil { _ = try? Baseline(contentsOf: url.path) }
    return 0
}
