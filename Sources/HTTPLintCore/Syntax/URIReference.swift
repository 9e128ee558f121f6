/// Checks a URI reference (RFC 3986 §4.1), as Location and Content-Location carry:
///
///     URI-reference = URI / relative-ref
///     URI           = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
///     scheme        = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
///     pchar         = unreserved / pct-encoded / sub-delims / ":" / "@"
///     pct-encoded   = "%" HEXDIG HEXDIG
///
/// It checks the characters, percent-encoding, the scheme and that at most one `#` occurs,
/// which is what servers get wrong; it does not check host or port syntax in detail.
public enum URIReference {
    /// Why `text` is not a URI reference, or `nil` when it is one.
    public static func problem(in text: String) -> String? {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        var index = 0
        var hashes = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x25 {
                guard index + 2 < bytes.count, ASCII.hexValue(bytes[index + 1]) != nil, ASCII.hexValue(bytes[index + 2]) != nil else {
                    return "'%' at character \(index + 1) does not start a percent-encoded byte (%XX)"
                }
                index += 3
                continue
            }
            if byte == 0x23 { hashes += 1 }
            guard allowed[Int(byte)] else {
                return "\(Printable.describe(byte)) at character \(index + 1) is not allowed in a URI; percent-encode it"
            }
            index += 1
        }
        if hashes > 1 { return "it has more than one '#'" }
        // A colon before any '/', '?' or '#' means a scheme, which must be well formed.
        if let colon = bytes.firstIndex(of: ASCII.colon),
           !bytes[..<colon].contains(where: { $0 == ASCII.slash || $0 == 0x3F || $0 == 0x23 }) {
            let scheme = bytes[..<colon]
            let isAlpha: (UInt8) -> Bool = { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
            guard let first = scheme.first, isAlpha(first),
                  scheme.allSatisfy({ isAlpha($0) || ASCII.isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == ASCII.dot }) else {
                return "'\(SourceText.decode(scheme))' before the first ':' is not a valid scheme (write './' before a relative path that contains ':')"
            }
        }
        return nil
    }

    /// unreserved / reserved (gen-delims and sub-delims) and "%".
    private static let allowed: [Bool] = (0...255).map { value in
        let byte = UInt8(value)
        if ASCII.isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) { return true }
        return Array("-._~:/?#[]@!$&'()*+,;=".utf8).contains(byte)
    }
}
