/// Optional whitespace (RFC 9110 §5.6.3): `OWS = *( SP / HTAB )`.
extension StringProtocol {
    /// The text without leading and trailing SP and HTAB.
    public func trimmingWhitespace() -> Substring {
        var result = Substring(self)
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
