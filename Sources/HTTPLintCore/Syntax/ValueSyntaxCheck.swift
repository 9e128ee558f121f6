/// Checking a field value against its `ValueSyntax`. Each problem is one sentence naming the
/// part that is wrong; the grammars are cited next to the cases of `ValueSyntax.Element`.
extension ValueSyntax {
    /// What is wrong with `value`, one sentence per problem (no final period); empty when the
    /// value matches. An empty value matches here: whether it may be empty is `allowsEmpty`'s
    /// question. For a structured field, pass the combined value of all its lines and its
    /// type; a value that does not parse as that type is left to the structured-field rule.
    ///
    /// - Parameters:
    ///   - value: the field value (the lines of a list field may be checked one by one).
    ///   - name: the field name, for the messages.
    ///   - structuredType: the field's structured type, for `.structured` elements.
    public func problems(in value: String, name: String,
                         structuredType: FieldDefinition.StructuredType? = nil) -> [String] {
        problems(inValueBytes: ArraySlice(value.utf8), name: { name }, structuredType: structuredType)
    }

    /// ``problems(in:name:structuredType:)`` for a value given as its UTF-8 bytes (such as
    /// ``Field/valueUTF8Slice``), with the name made only for a message: a value that matches
    /// (most of them) costs no string and no copy of its bytes beyond each list member's.
    public func problems(inValueBytes bytes: ArraySlice<UInt8>, name: () -> String,
                         structuredType: FieldDefinition.StructuredType? = nil) -> [String] {
        let trimmed = bytes.trimmingWhitespace()
        guard !trimmed.isEmpty else { return [] }
        switch element {
        case .structured:
            guard let structuredType,
                  let parsed = try? StructuredFields.parse(String(decoding: bytes, as: UTF8.self), as: structuredType) else { return [] }
            return problems(inStructured: parsed, name: name())
        case .jsonObjects:
            return Self.jsonProblems(in: Array(bytes), name: name())
        default:
            break
        }
        if isList {
            var found: [String] = []
            for range in ValueScanner.listMembers(of: bytes) {
                let member = bytes[range]
                guard let detail = element.problem(in: Array(member)) else { continue }
                found.append("\(name()) member '\(Printable.escape(member))' is not \(element.noun)\(detail.isEmpty ? "" : ": \(detail)")")
            }
            return found
        }
        guard let detail = element.problem(in: Array(trimmed)) else { return [] }
        return ["\(name()) '\(Printable.escape(trimmed))' is not \(element.noun)\(detail.isEmpty ? "" : ": \(detail)")"]
    }

    /// What is wrong with the members of a structured field value that parsed: for a reader
    /// that parsed it already. Empty when this syntax is not a structured one.
    public func problems(inStructured value: StructuredFields.Value, name: String) -> [String] {
        guard case .structured(let members) = element else { return [] }
        return StructuredCheck(name: name, members: members).problems(in: value)
    }

    private static func jsonProblems(in bytes: [UInt8], name: String) -> [String] {
        do throws(JSONText.Problem) {
            let kinds = try JSONText.members(of: bytes)
            return kinds.enumerated().compactMap { index, kind in
                kind == .object ? nil : "\(name) member \(index + 1) is a JSON \(kind.rawValue), not an object"
            }
        } catch {
            return ["\(name) is not valid JSON: \(error.reason) at character \(error.offset + 1)"]
        }
    }
}

extension ValueSyntax.Element {
    /// What a matching value is, for messages: "a field name", "base64 of 20 bytes".
    public var noun: String {
        switch self {
        case .token: "a token"
        case .keyword(let keywords):
            keywords.count == 1 ? "'\(keywords[0])'" : "one of " + keywords.map { "'\($0)'" }.joined(separator: ", ")
        case .method: "a method name (a token)"
        case .fieldName: "a field name"
        case .digits: "a non-negative integer (digits only)"
        case .httpDate: "an HTTP date"
        case .absoluteURI: "an absolute URI"
        case .codedURL: "a Coded-URL (<absolute-URI>)"
        case .tokenOrCodedURL: "a token or a Coded-URL (<absolute-URI>)"
        case .mediaType: "a media type"
        case .base64(let length): "base64 of \(length) bytes"
        case .base64url: "base64url (letters, digits, '-' and '_')"
        case .nqchars: "a nonce (printable ASCII without '\"' or '\\')"
        case .quotedString: "a quoted string"
        case .mimeVersion: "a MIME version such as 1.0"
        case .jsonObjects: "a list of JSON objects"
        case .originOrWildcard: "an origin (scheme://host[:port]), null or *"
        case .parameter(valueRequired: true): "a parameter (name=value)"
        case .parameter(valueRequired: false): "a name or name=value"
        case .parameterizedToken: "a name with ;name=value parameters"
        case .semicolonDirectives: "a list of directives separated by ';'"
        case .webSocketVersion: "a version number from 0 to 255"
        case .warning: "a warning (code agent \"text\" [\"date\"])"
        case .instanceDigest: "an instance digest (algorithm=value)"
        case .structured: "a valid structured value"
        }
    }

    /// Why `bytes` (trimmed, non-empty) does not match: `nil` when it matches, `""` when the
    /// noun says it all, or the detail.
    func problem(in bytes: [UInt8]) -> String? {
        switch self {
        case .token, .method, .fieldName:
            return Self.tokenProblem(bytes)
        case .keyword(let keywords):
            let text = SourceText.decode(bytes).lowercased()
            return keywords.contains { $0.lowercased() == text } ? nil : ""
        case .digits:
            guard let bad = bytes.firstIndex(where: { !ASCII.isDigit($0) }) else { return nil }
            return "\(Printable.describe(bytes[bad])) at character \(bad + 1) is not a digit"
        case .httpDate:
            do throws(HTTPDate.Problem) {
                _ = try HTTPDate.parse(SourceText.decode(bytes))
                return nil
            } catch {
                // The noun already says it is not a date; the generic reason becomes an example.
                return error.description.hasPrefix("it is not")
                    ? "an HTTP date looks like 'Sun, 06 Nov 1994 08:49:37 GMT'" : error.description
            }
        case .absoluteURI:
            return Self.absoluteURIProblem(bytes)
        case .codedURL:
            guard bytes.first == 0x3C, bytes.last == 0x3E, bytes.count >= 2 else { return "it is not enclosed in '<' and '>'" }
            return Self.absoluteURIProblem(Array(bytes.dropFirst().dropLast()))
        case .tokenOrCodedURL:
            return bytes.first == 0x3C ? Self.codedURL.problem(in: bytes) : Self.tokenProblem(bytes)
        case .mediaType:
            return Self.mediaTypeProblem(bytes)
        case .base64(let length):
            return Self.base64Problem(bytes, decodedLength: length)
        case .base64url:
            guard let bad = bytes.firstIndex(where: { !(Self.isBase64Letter($0) || $0 == 0x2D || $0 == 0x5F) }) else { return nil }
            return bytes[bad] == ASCII.equals ? "base64url here has no '=' padding"
                : "\(Printable.describe(bytes[bad])) at character \(bad + 1) is not a base64url character"
        case .nqchars:
            guard let bad = bytes.firstIndex(where: { !($0 == 0x21 || (0x23...0x5B).contains($0) || (0x5D...0x7E).contains($0)) }) else { return nil }
            return "\(Printable.describe(bytes[bad])) at character \(bad + 1) is not allowed"
        case .quotedString:
            var scanner = ValueScanner(bytes)
            switch scanner.quotedString() {
            case true?: return scanner.isAtEnd ? nil : "\(scanner.here) follows the closing quote"
            case false?: return "it does not start with '\"'"
            case nil: return "the quoted string is not closed, or holds a control character"
            }
        case .mimeVersion:
            return Self.mimeVersionProblem(bytes)
        case .jsonObjects, .structured:
            return nil
        case .originOrWildcard:
            return Self.originProblem(bytes)
        case .parameter(let valueRequired):
            var scanner = ValueScanner(bytes)
            if let problem = Self.parameter(&scanner, valueRequired: valueRequired) { return problem }
            scanner.skipWhitespace()
            return scanner.isAtEnd ? nil : "unexpected \(scanner.here)"
        case .parameterizedToken(let required):
            var scanner = ValueScanner(bytes)
            guard scanner.skipToken() else { return "it does not start with a token (found \(scanner.here))" }
            while true {
                scanner.skipWhitespace()
                if scanner.isAtEnd { return nil }
                guard scanner.take(ASCII.semicolon) else { return "expected ';' before a parameter, found \(scanner.here)" }
                scanner.skipWhitespace()
                if let problem = Self.parameter(&scanner, valueRequired: required) { return problem }
            }
        case .semicolonDirectives:
            var scanner = ValueScanner(bytes)
            while true {
                scanner.skipWhitespace()
                if scanner.isAtEnd { return nil }
                if scanner.take(ASCII.semicolon) { continue }
                if let problem = Self.parameter(&scanner, valueRequired: false) { return problem }
                scanner.skipWhitespace()
                guard scanner.isAtEnd || scanner.take(ASCII.semicolon) else { return "expected ';' between directives, found \(scanner.here)" }
            }
        case .webSocketVersion:
            guard !bytes.isEmpty, bytes.count <= 3, bytes.allSatisfy(ASCII.isDigit) else { return "it is not a number" }
            if bytes.count > 1, bytes[0] == 0x30 { return "a version has no leading zero" }
            return Int(SourceText.decode(bytes))! > 255 ? "it is above 255" : nil
        case .warning:
            return Self.warningProblem(bytes)
        case .instanceDigest:
            var scanner = ValueScanner(bytes)
            guard scanner.skipToken() else { return "it does not start with an algorithm name (found \(scanner.here))" }
            guard scanner.take(ASCII.equals) else { return "expected '=' after the algorithm, found \(scanner.here)" }
            guard !scanner.isAtEnd, bytes[scanner.index...].allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != ASCII.dquote }) else {
                return "the digest after '=' is empty or has spaces or quotes"
            }
            return nil
        }
    }

    private static func tokenProblem(_ bytes: [UInt8]) -> String? {
        guard let bad = bytes.firstIndex(where: { !ASCII.isTokenChar($0) }) else { return nil }
        return "\(Printable.describe(bytes[bad])) at character \(bad + 1) cannot be part of a token"
    }

    private static func isBase64Letter(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// `absolute-URI = scheme ":" hier-part [ "?" query ]` (RFC 3986 §4.3).
    private static func absoluteURIProblem(_ bytes: [UInt8]) -> String? {
        if let problem = URIReference.problem(in: SourceText.decode(bytes)) { return problem }
        guard let colon = bytes.firstIndex(of: ASCII.colon), colon > 0,
              !bytes[..<colon].contains(where: { $0 == ASCII.slash || $0 == 0x3F || $0 == 0x23 }) else {
            return "it has no scheme (such as https: or urn:)"
        }
        return bytes.contains(0x23) ? "an absolute URI has no '#' fragment" : nil
    }

    /// `type "/" subtype *( OWS ";" OWS [ parameter ] )`, `parameter = token "=" ( token / quoted-string )`.
    /// Whitespace around `=` is tolerated (RFC 2616's implied LWS, which older definitions use).
    private static func mediaTypeProblem(_ bytes: [UInt8]) -> String? {
        var scanner = ValueScanner(bytes)
        guard scanner.skipToken(), scanner.take(ASCII.slash) else { return "it does not start with type/subtype" }
        guard scanner.skipToken() else { return "there is no subtype after '/'" }
        while true {
            scanner.skipWhitespace()
            if scanner.isAtEnd { return nil }
            guard scanner.take(ASCII.semicolon) else { return "expected ';' before a parameter, found \(scanner.here)" }
            scanner.skipWhitespace()
            if scanner.isAtEnd || scanner.peek == ASCII.semicolon { continue }
            if let problem = parameter(&scanner, valueRequired: true) { return problem }
        }
    }

    /// `token [ BWS "=" BWS ( token / quoted-string ) ]` at the cursor.
    private static func parameter(_ scanner: inout ValueScanner, valueRequired: Bool) -> String? {
        let nameStart = scanner.index
        guard scanner.skipToken() else { return "expected a name, found \(scanner.here)" }
        let afterName = scanner.index
        // The name's text only for a message: most parameters have none.
        let bytes = scanner.bytes
        var name: String { SourceText.decode(bytes[nameStart..<afterName]) }
        scanner.skipWhitespace()
        guard scanner.take(ASCII.equals) else {
            scanner.index = afterName
            return valueRequired ? "'\(name)' has no '=value'" : nil
        }
        scanner.skipWhitespace()
        switch scanner.quotedString() {
        case true?: return nil
        case nil: return "the quoted value of '\(name)' is not closed, or holds a control character"
        case false?: return scanner.skipToken() ? nil : "the value of '\(name)' is neither a token nor a quoted string (found \(scanner.here))"
        }
    }

    /// Base64 with padding (RFC 4648 §4), as `base64-value-non-empty` (RFC 6455 §4.3) and
    /// RFC 1864's Content-MD5 write it.
    private static func base64Problem(_ bytes: [UInt8], decodedLength: Int) -> String? {
        let padding = bytes.reversed().prefix(while: { $0 == ASCII.equals }).count
        let body = bytes.dropLast(padding)
        if let bad = body.firstIndex(where: { !(isBase64Letter($0) || $0 == 0x2B || $0 == ASCII.slash) }) {
            return "\(Printable.describe(bytes[bad])) at character \(bad + 1) is not a base64 character"
        }
        guard bytes.count % 4 == 0, padding <= 2 else { return "its length is not a multiple of 4, as padded base64 is" }
        let decoded = bytes.count / 4 * 3 - padding
        return decoded == decodedLength ? nil : "it decodes to \(decoded) bytes, not \(decodedLength)"
    }

    /// `1*DIGIT "." 1*DIGIT`; RFC 2045 §4 lets comments (`(…)`) and spaces appear anywhere.
    private static func mimeVersionProblem(_ bytes: [UInt8]) -> String? {
        var bare: [UInt8] = []
        var depth = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x28: depth += 1
            case 0x29 where depth > 0: depth -= 1
            case ASCII.backslash where depth > 0: index += 1  // a quoted-pair inside a comment
            default: if depth == 0, !ASCII.isWhitespace(byte) { bare.append(byte) }
            }
            index += 1
        }
        if depth > 0 { return "a comment is not closed with ')'" }
        let parts = bare.split(separator: ASCII.dot, omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(ASCII.isDigit) }) else {
            return "expected digits, a dot and digits"
        }
        return nil
    }

    /// `origin-or-null / "*"`: `serialized-origin = scheme "://" host [ ":" port ]` (Fetch §3.2.1).
    /// Case is not checked; a path, even `/` alone, is a common mistake that stops matching.
    private static func originProblem(_ bytes: [UInt8]) -> String? {
        let text = SourceText.decode(bytes)
        if text == "*" || text == "null" { return nil }
        guard let colon = bytes.firstIndex(of: ASCII.colon), bytes[colon...].starts(with: "://".utf8) else {
            return "it has no scheme://"
        }
        let scheme = SourceText.decode(bytes[..<colon])
        guard let first = bytes.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A,
              bytes[..<colon].allSatisfy({ isBase64Letter($0) || $0 == 0x2B || $0 == 0x2D || $0 == ASCII.dot }) else {
            return "'\(scheme)' is not a scheme"
        }
        var rest = Substring(SourceText.decode(bytes[(colon + 3)...]))
        if let bad = rest.utf8.firstIndex(where: { $0 == ASCII.slash || $0 == 0x3F || $0 == 0x23 }) {
            return rest[bad...] == "/" ? "an origin has no path, not even '/'" : "an origin has no path, query or fragment"
        }
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return "the IPv6 address has no closing ']'" }
            rest = rest[rest.index(after: close)...]
            if rest.isEmpty { return nil }
            guard rest.hasPrefix(":") else { return "unexpected text after the IPv6 address" }
        } else {
            let host = rest.prefix { $0 != ":" }
            guard !host.isEmpty, host.utf8.allSatisfy({ isBase64Letter($0) || $0 == 0x2D || $0 == ASCII.dot || $0 == 0x5F }) else {
                return "'\(host)' is not a host name or address"
            }
            rest = rest[host.endIndex...]
            if rest.isEmpty { return nil }
        }
        let port = rest.dropFirst()
        guard !port.isEmpty, port.count <= 5, port.utf8.allSatisfy(ASCII.isDigit) else { return "'\(port)' is not a port number" }
        return nil
    }

    /// `warn-code SP warn-agent SP warn-text [ SP warn-date ]`, `warn-code = 3DIGIT`,
    /// `warn-text = quoted-string`, `warn-date = DQUOTE HTTP-date DQUOTE` (RFC 7234 §5.5).
    private static func warningProblem(_ bytes: [UInt8]) -> String? {
        guard bytes.count > 4, bytes[0..<3].allSatisfy(ASCII.isDigit), bytes[3] == ASCII.sp else {
            return "it does not start with a three-digit code and a space"
        }
        var scanner = ValueScanner(bytes, from: 4)
        let agentStart = scanner.index
        while let byte = scanner.peek, byte > 0x20, byte < 0x7F, byte != ASCII.dquote, byte != ASCII.comma { scanner.index += 1 }
        guard scanner.index > agentStart, scanner.take(ASCII.sp) else { return "expected the agent (host or pseudonym) and a space after the code" }
        guard scanner.quotedString() == true else { return "the text after the agent is not a quoted string" }
        if scanner.isAtEnd { return nil }
        guard scanner.take(ASCII.sp) else { return "unexpected \(scanner.here) after the text" }
        let dateStart = scanner.index
        guard scanner.quotedString() == true, scanner.isAtEnd else { return "the date after the text is not a quoted HTTP date" }
        do throws(HTTPDate.Problem) {
            _ = try HTTPDate.parse(SourceText.decode(bytes[(dateStart + 1)..<(bytes.count - 1)]))
            return nil
        } catch {
            return "the warn-date is not an HTTP date: \(error.description)"
        }
    }
}

/// Checks the members of a parsed structured field against what its specification requires.
private struct StructuredCheck {
    let name: String
    let members: StructuredMembers

    /// The problems of a parsed value (one that does not parse is invalid-structured-field's).
    func problems(in value: StructuredFields.Value) -> [String] {
        var problems: [String] = []
        switch value {
        case .item(let item):
            check(.item(item), what: name, &problems)
        case .list(let list):
            for (index, member) in list.enumerated() {
                check(member, what: "\(name) member \(Self.label(member) ?? String(index + 1))", &problems)
            }
        case .dictionary(let dictionary):
            for (key, member) in dictionary {
                let keyType = members.keys.first { $0.key == key }?.value
                check(member, what: "\(name) \(key)", type: keyType ?? members.members, &problems)
            }
            for key in members.requiredKeys where !dictionary.contains(where: { $0.key == key }) {
                problems.append("\(name) has no \(key), which it requires")
            }
        }
        return problems
    }

    /// A List member's own name, when it is a Token or a String (Cache-Status and Proxy-Status
    /// members name a cache or proxy).
    private static func label(_ member: StructuredFields.Member) -> String? {
        guard case .item(let item) = member else { return nil }
        switch item.bare {
        case .token(let token): return token
        case .string(let string): return "\"\(Printable.escape(string))\""
        default: return nil
        }
    }

    /// `what` names the member in messages; it is only built when there is a problem.
    private func check(_ member: StructuredFields.Member, what: @autoclosure () -> String, _ problems: inout [String]) {
        check(member, what: what(), type: members.members, &problems)
    }

    private func check(_ member: StructuredFields.Member, what: @autoclosure () -> String, type: StructuredValue?,
                       _ problems: inout [String]) {
        if let type, !Self.matches(member, type) {
            problems.append("\(what()) is \(Self.describe(member)), not \(type.description)")
        }
        let parameters: StructuredFields.Parameters
        switch member {
        case .item(let item): parameters = item.parameters
        case .innerList(_, let listParameters): parameters = listParameters
        }
        for (key, value) in parameters {
            guard let expected = members.parameters.first(where: { $0.key == key })?.value,
                  !Self.matches(.item(StructuredFields.Item(bare: value, parameters: [])), expected) else { continue }
            problems.append("\(what()) parameter \(key) is \(Self.describe(value)), not \(expected.description)")
        }
    }

    static func matches(_ member: StructuredFields.Member, _ type: StructuredValue) -> Bool {
        switch (member, type) {
        case (_, .either(let first, let second)): return matches(member, first) || matches(member, second)
        case (.innerList(let items, _), .innerList(let itemType)):
            return items.allSatisfy { matches(.item($0), itemType) }
        case (.innerList, _), (.item, .innerList): return false
        case (.item(let item), _): return matches(item.bare, type)
        }
    }

    static func matches(_ bare: StructuredFields.BareItem, _ type: StructuredValue) -> Bool {
        switch (bare, type) {
        case (.integer(let value), .integer(let range)): return range?.contains(value) ?? true
        case (.boolean, .boolean), (.string, .string), (.token, .token), (.byteSequence, .byteSequence), (.date, .date):
            return true
        case (_, .either(let first, let second)): return matches(bare, first) || matches(bare, second)
        default: return false
        }
    }

    static func describe(_ member: StructuredFields.Member) -> String {
        switch member {
        case .item(let item): describe(item.bare)
        case .innerList: "an Inner List"
        }
    }

    /// `the Integer 9`, `the Token hit`, `a Decimal`.
    static func describe(_ bare: StructuredFields.BareItem) -> String {
        switch bare {
        case .integer(let value): "the Integer \(value)"
        case .decimal(let value): "the Decimal \(value)"
        case .string(let value): "the String \"\(Printable.escape(value))\""
        case .token(let value): "the Token \(value)"
        case .byteSequence: "a Byte Sequence"
        case .boolean(let value): "the Boolean ?\(value ? 1 : 0)"
        case .date(let value): "the Date @\(value)"
        case .displayString: "a Display String"
        }
    }
}
