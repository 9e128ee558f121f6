/// `token = 1*tchar` (RFC 9110 §5.6.2), for rules that check list members, media types and
/// the like against it.
extension UInt8 {
    /// Whether the byte is a `tchar`.
    public var isHTTPTokenCharacter: Bool { ASCII.isTokenChar(self) }
}

extension StringProtocol {
    /// Whether the text is a non-empty token.
    public var isHTTPToken: Bool {
        // Native strings hand over their bytes at once; others go byte by byte.
        if let isToken = utf8.withContiguousStorageIfAvailable({ !$0.isEmpty && $0.allSatisfy(ASCII.isTokenChar) }) {
            return isToken
        }
        return !isEmpty && utf8.allSatisfy(ASCII.isTokenChar)
    }
}
