/// The digits of HTTP grammars (`DIGIT`, RFC 5234 Appendix B.1): ASCII only, unlike
/// `Character.isNumber`, which also accepts other scripts' digits. Shared by the rules that
/// read numbers from strings (ages, max-age, lengths, ranges).
extension Character {
    var isASCIIDigitCharacter: Bool { asciiValue?.isASCIIDigit ?? false }
}
