/// The grammar of a field value, for fields whose ABNF is simple enough to check generically
/// (`Trailer = #field-name`, `TTL = 1*DIGIT`, `Sec-WebSocket-Accept = base64-value-non-empty`).
/// The field table gives it to the fields it fits; the `invalid-field-value` and
/// `empty-field-value` rules check every field that has one. Fields with rules of their own
/// (ETag, Cache-Control, the date fields…) have none, so nothing is reported twice.
///
/// ```swift
/// ValueSyntax.list(.fieldName)                   // Trailer = #field-name
/// ValueSyntax.list(.method, atLeastOne: true)   // Public = 1#method
/// ValueSyntax.single(.digits)                    // TTL = 1*DIGIT
/// ```
public struct ValueSyntax: Sendable {
    /// What the value, or each member of a list, must be.
    public let element: Element
    /// Whether the value is a comma-separated list (`#element`) whose members are each an `element`.
    public let isList: Bool
    /// Whether an empty value matches (a `#` list, an optional value, an empty structured List
    /// or Dictionary).
    public let allowsEmpty: Bool

    public init(element: Element, isList: Bool, allowsEmpty: Bool) {
        self.element = element
        self.isList = isList
        self.allowsEmpty = allowsEmpty
    }

    /// One value: `Field = element`.
    public static func single(_ element: Element) -> Self {
        Self(element: element, isList: false, allowsEmpty: false)
    }

    /// A list: `#element` (empty allowed), or `1#element` with `atLeastOne`.
    public static func list(_ element: Element, atLeastOne: Bool = false) -> Self {
        Self(element: element, isList: true, allowsEmpty: !atLeastOne)
    }

    /// A structured field whose members the defining specification constrains; the field's
    /// `structuredType` says whether it is an Item, a List or a Dictionary. An empty List or
    /// Dictionary is valid (RFC 9651 §4.2); an empty Item fails to parse and is reported by
    /// `invalid-structured-field`.
    public static func structured(_ members: StructuredMembers) -> Self {
        Self(element: .structured(members), isList: false, allowsEmpty: true)
    }

    /// What a value (or a list member) must be.
    public indirect enum Element: Sendable {
        /// `token` (RFC 9110 §5.6.2).
        case token
        /// One of a fixed set of keywords, compared ignoring ASCII case (`on` / `off`).
        case keyword([String])
        /// `method = token` (RFC 9110 §9.1).
        case method
        /// `field-name = token` (RFC 9110 §5.1).
        case fieldName
        /// `1*DIGIT`.
        case digits
        /// `HTTP-date` (RFC 9110 §5.6.7).
        case httpDate
        /// `absolute-URI` (RFC 3986 §4.3): a scheme, no fragment.
        case absoluteURI
        /// `Coded-URL = "<" absolute-URI ">"` (RFC 4918 §10.1).
        case codedURL
        /// `token / Coded-URL` (a WebDAV compliance class, RFC 4918 §10.1).
        case tokenOrCodedURL
        /// `media-type` or `media-range` (RFC 9110 §8.3.1, §12.5.1): `type "/" subtype`
        /// and `;`-separated parameters; `*` is a token character, so both read alike.
        case mediaType
        /// Base64 (RFC 4648 §4) with its padding, decoding to exactly `decodedLength` bytes.
        case base64(decodedLength: Int)
        /// `1*base64url`: the URL-safe alphabet (RFC 4648 §5), no padding.
        case base64url
        /// `1*NQCHAR` (RFC 6749 Appendix A): printable ASCII except `"` and `\`.
        case nqchars
        /// `quoted-string` (RFC 9110 §5.6.4).
        case quotedString
        /// `1*DIGIT "." 1*DIGIT`, with the comments RFC 2045 §4 allows.
        case mimeVersion
        /// A JSON field value (`#json-field-value`) whose every member is a JSON object.
        case jsonObjects
        /// `origin-or-null / "*"` (Fetch §3.2.1): `scheme "://" host [ ":" port ]`, `null` or `*`.
        case originOrWildcard
        /// `token [ BWS "=" BWS ( token / quoted-string ) ]`, the value required or not
        /// (`auth-param` requires it).
        case parameter(valueRequired: Bool)
        /// `token *( OWS ";" OWS param )` with `param = token [ BWS "=" BWS ( token / quoted-string ) ]`;
        /// a param's value required or not.
        case parameterizedToken(parameterValueRequired: Bool)
        /// `directive *( OWS ";" OWS directive )`, `directive = token [ "=" ( token / quoted-string ) ]`.
        case semicolonDirectives
        /// A WebSocket version: `0`–`255` without leading zeros (RFC 6455 §4.3).
        case webSocketVersion
        /// `warn-code SP warn-agent SP warn-text [ SP warn-date ]` (RFC 7234 §5.5).
        case warning
        /// `digest-algorithm "=" encoded-digest` (RFC 3230 §4.3.2).
        case instanceDigest
        /// The members of a structured field.
        case structured(StructuredMembers)
    }
}

/// What the defining specification of a structured field says of its members, beyond
/// RFC 9651's syntax: "each member MUST be a String or Token", "u is an Integer from 0 to 7".
/// Keys and parameters it does not list are not checked (specifications tell recipients to
/// ignore unknown ones).
public struct StructuredMembers: Sendable {
    /// What the Item, each List member or each Dictionary value must be; `nil` for anything.
    public let members: StructuredValue?
    /// Dictionary keys whose values have a type of their own.
    public let keys: [(key: String, value: StructuredValue)]
    /// Dictionary keys that must be present.
    public let requiredKeys: [String]
    /// Parameters (of the Item, of each member or value) whose values have a type.
    public let parameters: [(key: String, value: StructuredValue)]

    public init(members: StructuredValue? = nil, keys: [(key: String, value: StructuredValue)] = [],
                requiredKeys: [String] = [], parameters: [(key: String, value: StructuredValue)] = []) {
        self.members = members
        self.keys = keys
        self.requiredKeys = requiredKeys
        self.parameters = parameters
    }
}

/// The type a structured-field member or parameter must have (RFC 9651 §3).
public indirect enum StructuredValue: Sendable {
    /// An Integer, within `range` when one is given.
    case integer(ClosedRange<Int64>?)
    case boolean
    case string
    case token
    case byteSequence
    case date
    /// An Inner List whose items are each of the given type.
    case innerList(StructuredValue)
    /// Either type.
    case either(StructuredValue, StructuredValue)

    /// `an Integer from 0 to 7`, `a String or a Token`.
    public var description: String {
        switch self {
        case .integer(let range?): "an Integer from \(range.lowerBound) to \(range.upperBound)"
        case .integer(nil): "an Integer"
        case .boolean: "a Boolean (?1 or ?0)"
        case .string: "a String (in double quotes)"
        case .token: "a Token"
        case .byteSequence: "a Byte Sequence (base64 between colons)"
        case .date: "a Date (@ and seconds since 1970)"
        case .innerList(let item): "an Inner List of \(item.pluralDescription)"
        case .either(let first, let second): "\(first.description) or \(second.description)"
        }
    }

    var pluralDescription: String {
        switch self {
        case .integer: "Integers"
        case .boolean: "Booleans"
        case .string: "Strings"
        case .token: "Tokens"
        case .byteSequence: "Byte Sequences"
        case .date: "Dates"
        case .innerList: "Inner Lists"
        case .either(let first, let second): "\(first.pluralDescription) or \(second.pluralDescription)"
        }
    }
}
