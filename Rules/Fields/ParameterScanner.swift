import HTTPLintCore

/// A `name=value` parameter as written after a `;` (RFC 9110 §5.6.6, RFC 6266 §4.1, RFC 8288 §3).
struct WrittenParameter {
    /// The name as written.
    let name: String
    /// The name in lowercase, for comparisons (parameter names are case-insensitive): made
    /// once, as several rules compare it.
    let key: String
    /// The value with the quotes of a quoted string removed and its quoted pairs resolved;
    /// `nil` when the parameter has no `=`.
    let value: [UInt8]?
    /// Whether the value was a quoted string.
    let isQuoted: Bool
    /// Whether the quoted string held a quoted-pair (a `\` escape), which ``value`` no longer shows.
    let hadQuotedPair: Bool

    init(name: String, value: [UInt8]?, isQuoted: Bool, hadQuotedPair: Bool = false) {
        self.init(name: name, key: name.asciiLowercased(), value: value, isQuoted: isQuoted, hadQuotedPair: hadQuotedPair)
    }

    /// A parameter whose lowercase name is already known (``ValueScanner/parameters``).
    init(name: String, key: String, value: [UInt8]?, isQuoted: Bool, hadQuotedPair: Bool = false) {
        self.name = name
        self.key = key
        self.value = value
        self.isQuoted = isQuoted
        self.hadQuotedPair = hadQuotedPair
    }
    /// The value as text.
    var text: String { value.map { String(decoding: $0, as: UTF8.self) } ?? "" }
}

/// The core's value cursor, read by the rules of fields built from tokens, quoted strings and
/// `;`-separated parameters (Content-Type, Content-Disposition, Link, Alt-Svc, Via, Server).
typealias ParameterScanner = ValueScanner

extension ValueScanner {
    /// The byte at the current position, for messages: `'x' (0x78)`, or "the end".
    var found: String { peek.map(Printable.describe) ?? "the end" }

    /// Reads `*( OWS ";" OWS [ name [ BWS "=" BWS value ] ] )` up to the end of the bytes, or
    /// up to a comma when `stopAtComma` (for list members such as Link values).
    ///
    /// - Parameters:
    ///   - valueRequired: whether every parameter needs `=value` (media types, dispositions).
    ///   - spaceAroundEquals: whether whitespace may surround `=` (BWS in RFC 8288, implied
    ///     LWS in RFC 6266); RFC 9110 §5.6.6 allows none.
    /// - Returns: the parameters, or why the text is not such a sequence.
    mutating func parameters(valueRequired: Bool, spaceAroundEquals: Bool,
                             stopAtComma: Bool = false) -> Result<[WrittenParameter], ParameterProblem> {
        var result: [WrittenParameter] = []
        while true {
            skipWhitespace()
            if isAtEnd || (stopAtComma && peek == 0x2C) { return .success(result) }
            guard peek == 0x3B else { return .failure(ParameterProblem("unexpected \(found) where ';' or the end should be")) }
            index += 1
            skipWhitespace()
            if isAtEnd || peek == 0x3B || (stopAtComma && peek == 0x2C) { continue }
            let nameStart = index
            guard let name = token() else {
                return .failure(ParameterProblem("a parameter name is not a token (found \(found))"))
            }
            // A token is ASCII, so its lowercase is the name itself unless it holds A-Z.
            let key = bytes[nameStart..<index].contains(where: { $0 &- 0x41 < 26 }) ? name.asciiLowercased() : name
            let afterName = index
            if spaceAroundEquals { skipWhitespace() }
            guard peek == 0x3D else {
                index = afterName
                if valueRequired { return .failure(ParameterProblem("parameter '\(name)' has no '=value'")) }
                result.append(WrittenParameter(name: name, key: key, value: nil, isQuoted: false))
                continue
            }
            index += 1
            if spaceAroundEquals { skipWhitespace() }
            if peek == 0x22 {
                let open = index
                guard let value = quotedStringContent() else {
                    return .failure(ParameterProblem("the quoted value of parameter '\(name)' is not closed"))
                }
                // Each quoted-pair is two bytes written for one kept; the quotes are two more.
                result.append(WrittenParameter(name: name, key: key, value: value, isQuoted: true,
                                               hadQuotedPair: index - open - 2 > value.count))
            } else if case let valueStart = index, skipToken() {
                // A token is ASCII: its bytes are the bytes of its text.
                result.append(WrittenParameter(name: name, key: key, value: Array(bytes[valueStart..<index]), isQuoted: false))
            } else {
                return .failure(ParameterProblem("parameter '\(name)' has no value, or one that is neither a token nor a quoted string (found \(found))"))
            }
        }
    }
}

/// Why a parameter list does not parse.
struct ParameterProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
