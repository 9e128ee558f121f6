import HTTPLintCore

/// An RFC 8187 extended parameter value (`filename*=UTF-8''na%C3%AFve.txt`):
///
///     ext-value     = charset "'" [ language ] "'" value-chars
///     charset       = "UTF-8" / mime-charset
///     mime-charsetc = ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "+" / "-" / "^" / "_" / "`" / "{" / "}" / "~"
///     value-chars   = *( pct-encoded / attr-char )
///     attr-char     = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
struct ExtValue {
    let charset: String
    let language: String
    /// The value octets, percent-decoded.
    let octets: [UInt8]

    /// Whether the charset is UTF-8 (matched case-insensitively, RFC 8187 §3.2.1).
    var isUTF8: Bool { charset.asciiLowercased() == "utf-8" }

    /// Parses `bytes`; the error says what is wrong.
    static func parse(_ bytes: [UInt8]) -> Result<ExtValue, ParameterProblem> {
        let parts = bytes.split(separator: 0x27, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            return .failure(ParameterProblem("it is not charset'language'value (two single quotes are needed, as in UTF-8''name)"))
        }
        let charset = parts[0]
        guard !charset.isEmpty, charset.allSatisfy(isCharsetCharacter) else {
            return .failure(ParameterProblem("'\(Printable.escape(charset))' is not a charset name"))
        }
        let language = String(decoding: parts[1], as: UTF8.self)
        if !language.isEmpty, !LanguageTag.isWellFormed(language) {
            return .failure(ParameterProblem("'\(Printable.escape(parts[1]))' is not a language tag"))
        }
        var octets: [UInt8] = []
        let value = Array(parts[2])
        var index = 0
        while index < value.count {
            let byte = value[index]
            if byte == 0x25 {
                guard index + 2 < value.count, let high = hex(value[index + 1]), let low = hex(value[index + 2]) else {
                    return .failure(ParameterProblem("'%' at value character \(index + 1) is not followed by two hex digits"))
                }
                octets.append(high << 4 | low)
                index += 3
                continue
            }
            guard isAttributeCharacter(byte) else {
                return .failure(ParameterProblem("\(Printable.describe(byte)) must be percent-encoded"))
            }
            octets.append(byte)
            index += 1
        }
        return .success(ExtValue(charset: String(decoding: charset, as: UTF8.self), language: language, octets: octets))
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    private static func isCharsetCharacter(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || Array("!#$%&+-^_`{}~".utf8).contains(byte)
    }

    private static func isAttributeCharacter(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || Array("!#$&+-.^_`|~".utf8).contains(byte)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
