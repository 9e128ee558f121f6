// Fuzz target: the configuration glob matcher. The input is a pattern, a newline and a path;
// the answer must equal a plain memoised matcher's, and come in bounded time whatever the
// number of `**` (libFuzzer's -timeout catches a slow one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlob(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let pattern = String(parts[0])
    let path = parts.count > 1 ? String(parts[1]) : pattern
    let answer = Glob(pattern).matches(path)
    precondition(answer == referenceMatch(pattern, path), "Glob(\(pattern.debugDescription)).matches(\(path.debugDescription)) is \(answer)")
    return 0
}

/// The glob rules written plainly: `./` prefixes dropped, empty segments ignored, `**` any
/// number of whole segments, `*` any characters within one, `?` one character, and a pattern
/// without `/` matched against the last segment only.
private func referenceMatch(_ pattern: String, _ path: String) -> Bool {
    func trimmed(_ text: String) -> Substring {
        var text = Substring(text)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        return text
    }
    let patternText = trimmed(pattern)
    let segments = patternText.split(separator: "/").map(Array.init)
    let parts = trimmed(path).split(separator: "/").map(Array.init)
    if !patternText.contains("/"), let last = parts.last, let only = segments.first { return segmentMatch(only, last) }
    var memo: [Int: Bool] = [:]
    func match(_ p: Int, _ s: Int) -> Bool {
        let key = p * (parts.count + 1) + s
        if let known = memo[key] { return known }
        let result: Bool
        if p == segments.count {
            result = s == parts.count
        } else if segments[p] == ["*", "*"] {
            result = match(p + 1, s) || (s < parts.count && match(p, s + 1))
        } else {
            result = s < parts.count && segmentMatch(segments[p], parts[s]) && match(p + 1, s + 1)
        }
        memo[key] = result
        return result
    }
    return match(0, 0)
}

private func segmentMatch(_ pattern: [Character], _ text: [Character]) -> Bool {
    var memo: [Int: Bool] = [:]
    func match(_ p: Int, _ t: Int) -> Bool {
        let key = p * (text.count + 1) + t
        if let known = memo[key] { return known }
        let result: Bool
        if p == pattern.count {
            result = t == text.count
        } else if pattern[p] == "*" {
            result = match(p + 1, t) || (t < text.count && match(p, t + 1))
        } else {
            result = t < text.count && (pattern[p] == "?" || pattern[p] == text[t]) && match(p + 1, t + 1)
        }
        memo[key] = result
        return result
    }
    return match(0, 0)
}
