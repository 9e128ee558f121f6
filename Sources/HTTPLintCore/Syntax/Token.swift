/// `token = 1*tchar` (RFC 9110 §5.6.2), for rules that check list members, media types and
/// the like against it.
extension UInt8 {
    /// Whether the byte is a `tchar`.
    @inlinable public var isHTTPTokenCharacter: Bool { ASCII.isTokenChar(self) }
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

extension StringProtocol {
    /// Whether the text equals `other` ignoring ASCII case (the comparison of HTTP's tokens and
    /// keywords, RFC 9110 §5.1, §5.6.2), without building a lowercased copy.
    public func equalsIgnoringASCIICase<Other: StringProtocol>(_ other: Other) -> Bool {
        utf8.count == other.utf8.count && utf8.elementsEqual(other.utf8) { $0.asciiLowercased == $1.asciiLowercased }
    }
}

extension String {
    /// The text with A-Z turned into a-z and every other character kept: the case folding of
    /// HTTP's case-insensitive tokens, names and keywords (RFC 9110 §5.1, §5.6.2). Unlike
    /// `lowercased()` it leaves non-ASCII letters alone (the Kelvin sign is no `k`), and text
    /// already in lower case comes back as it is.
    public func asciiLowercased() -> String {
        var text = self
        let lowered = text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { $0 &- 0x41 < 26 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for index in bytes.indices { out[index] = ASCII.lowercased(bytes[index]) }
                return bytes.count
            }
        }
        return lowered ?? self
    }
}

extension Substring {
    /// ``Swift/String/asciiLowercased()`` of the text.
    public func asciiLowercased() -> String { String(self).asciiLowercased() }
}
