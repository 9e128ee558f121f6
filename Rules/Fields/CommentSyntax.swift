/// Comments (RFC 9110 §5.6.5), as Server, User-Agent and Via carry them:
///
///     comment = "(" *( ctext / quoted-pair / comment ) ")"
///     ctext   = HTAB / SP / %x21-27 / %x2A-5B / %x5D-7E / obs-text
extension ParameterScanner {
    /// Reads a comment starting at `(`, nested comments and quoted pairs included; `false`
    /// (and nothing consumed) when it is not closed or holds a byte ctext does not allow.
    mutating func comment() -> Bool {
        guard peek == 0x28 else { return false }
        let start = index
        var depth = 0
        while let byte = peek {
            index += 1
            switch byte {
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth == 0 { return true }
            case 0x5C:
                guard let next = peek, next == 0x09 || next >= 0x20, next != 0x7F else { index = start; return false }
                index += 1
            case 0x09, 0x20...0x7E, 0x80...0xFF: break
            default:
                index = start
                return false
            }
        }
        index = start
        return false
    }
}
