/// Names of the commonly used charsets in the IANA "Character Sets" registry (RFC 9110
/// §8.3.2), each with every alias the registry lists for it, the preferred MIME name first.
/// It is not the whole registry: it serves to recognise a misspelling of one of these
/// charsets (`utf8`, `ISO8859-1`, `latin-1`) and to name the registered spelling. A name
/// that resembles none of them is never reported, registered or not.
enum CharsetNames {
    static let registered: [[String]] = [
        ["UTF-8", "csUTF8"],
        ["US-ASCII", "iso-ir-6", "ANSI_X3.4-1968", "ANSI_X3.4-1986", "ISO_646.irv:1991", "ISO646-US", "us", "IBM367", "cp367", "csASCII"],
        ["ISO-8859-1", "ISO_8859-1:1987", "iso-ir-100", "ISO_8859-1", "latin1", "l1", "IBM819", "CP819", "csISOLatin1"],
        ["ISO-8859-2", "ISO_8859-2:1987", "iso-ir-101", "ISO_8859-2", "latin2", "l2", "csISOLatin2"],
        ["ISO-8859-3", "ISO_8859-3:1988", "iso-ir-109", "ISO_8859-3", "latin3", "l3", "csISOLatin3"],
        ["ISO-8859-4", "ISO_8859-4:1988", "iso-ir-110", "ISO_8859-4", "latin4", "l4", "csISOLatin4"],
        ["ISO-8859-5", "ISO_8859-5:1988", "iso-ir-144", "ISO_8859-5", "cyrillic", "csISOLatinCyrillic"],
        ["ISO-8859-6", "ISO_8859-6:1987", "iso-ir-127", "ISO_8859-6", "ECMA-114", "ASMO-708", "arabic", "csISOLatinArabic"],
        ["ISO-8859-7", "ISO_8859-7:1987", "iso-ir-126", "ISO_8859-7", "ELOT_928", "ECMA-118", "greek", "greek8", "csISOLatinGreek"],
        ["ISO-8859-8", "ISO_8859-8:1988", "iso-ir-138", "ISO_8859-8", "hebrew", "csISOLatinHebrew"],
        ["ISO-8859-9", "ISO_8859-9:1989", "iso-ir-148", "ISO_8859-9", "latin5", "l5", "csISOLatin5"],
        ["ISO-8859-10", "iso-ir-157", "l6", "ISO_8859-10:1992", "csISOLatin6", "latin6"],
        ["ISO-8859-13", "csISO885913"],
        ["ISO-8859-14", "iso-ir-199", "ISO_8859-14:1998", "ISO_8859-14", "latin8", "iso-celtic", "l8", "csISO885914"],
        ["ISO-8859-15", "ISO_8859-15", "Latin-9", "csISO885915"],
        ["ISO-8859-16", "iso-ir-226", "ISO_8859-16:2001", "ISO_8859-16", "latin10", "l10", "csISO885916"],
        ["windows-874", "cswindows874"],
        ["windows-1250", "cswindows1250"],
        ["windows-1251", "cswindows1251"],
        ["windows-1252", "cswindows1252"],
        ["windows-1253", "cswindows1253"],
        ["windows-1254", "cswindows1254"],
        ["windows-1255", "cswindows1255"],
        ["windows-1256", "cswindows1256"],
        ["windows-1257", "cswindows1257"],
        ["windows-1258", "cswindows1258"],
        ["Shift_JIS", "MS_Kanji", "csShiftJIS"],
        ["EUC-JP", "Extended_UNIX_Code_Packed_Format_for_Japanese", "csEUCPkdFmtJapanese"],
        ["ISO-2022-JP", "csISO2022JP"],
        ["GB2312", "csGB2312"],
        ["GBK", "CP936", "MS936", "windows-936", "csGBK"],
        ["GB18030", "csGB18030"],
        ["Big5", "csBig5"],
        ["EUC-KR", "csEUCKR"],
        ["KOI8-R", "csKOI8R"],
        ["KOI8-U", "csKOI8U"],
        ["UTF-16", "csUTF16"],
        ["UTF-16BE", "csUTF16BE"],
        ["UTF-16LE", "csUTF16LE"],
        ["UTF-32", "csUTF32"],
        ["UTF-32BE", "csUTF32BE"],
        ["UTF-32LE", "csUTF32LE"],
        ["TIS-620", "csTIS620", "ISO-8859-11"],
        ["Windows-31J", "csWindows31J"],
        ["Big5-HKSCS", "csBig5HKSCS"],
        ["ISO-2022-KR", "csISO2022KR"],
        ["macintosh", "mac", "csMacintosh"],
        ["IBM866", "cp866", "866", "csIBM866"],
    ]

    /// Names in common use that the registry does not list, with the registered charset meant.
    static let unregisteredSpellings: [String: String] = [
        "ascii": "US-ASCII", "sjis": "Shift_JIS", "xsjis": "Shift_JIS", "xeucjp": "EUC-JP", "cp874": "windows-874",
        "cp1250": "windows-1250", "cp1251": "windows-1251", "cp1252": "windows-1252", "cp1253": "windows-1253",
        "cp1254": "windows-1254", "cp1255": "windows-1255", "cp1256": "windows-1256", "cp1257": "windows-1257",
        "cp1258": "windows-1258",
    ]

    private static let names: Set<String> = Set(registered.flatMap { $0.map { $0.asciiLowercased() } })

    /// Normalised spelling (lowercase, without `-`, `_`, `.`, `:`) → preferred name.
    private static let spellings: [String: String] = {
        var result = unregisteredSpellings
        for charset in registered {
            for name in charset { result[normalized(name)] = charset[0] }
        }
        return result
    }()

    private static func normalized(_ name: String) -> String {
        String(name.asciiLowercased().unicodeScalars.filter { !"-_.:".unicodeScalars.contains($0) })
    }

    /// The registered name that `name` misspells, or `nil` when `name` is registered (as far as
    /// this table knows) or resembles none of the charsets here.
    static func registeredSpelling(of name: String) -> String? {
        guard !names.contains(name.asciiLowercased()) else { return nil }
        return spellings[normalized(name)]
    }
}
