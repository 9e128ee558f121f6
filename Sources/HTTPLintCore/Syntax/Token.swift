/// `token = 1*tchar` (RFC 9110 §5.6.2), for rules that check list members, media types and
/// the like against it.
extension UInt8 {
    /// Whether the byte is a `tchar`.
    public var isHTTPTokenCharacter: Bool { ASCII.isTokenChar(self) }
}

extension StringProtocol {
    /// Whether the text is a non-empty token.
    public var isHTTPToken: Bool { !isEmpty && utf8.allSatisfy(\.isHTTPTokenCharacter) }
}
