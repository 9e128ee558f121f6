/// What httplint knows about one field name: its registration, how its values combine, where
/// it may appear, and its syntax. The entries live in `FieldTable.swift`; generic rules (a
/// singleton repeated, a request field in a response, a field that may not be a trailer…)
/// read them instead of hard-coding names.
///
/// A class, so that the generic rules that look up every received field share one entry
/// instead of copying its strings.
public final class FieldDefinition: Sendable {
    /// The name as registered (lookups ignore case).
    public let name: String
    public let standing: Standing
    /// The defining specification and section, when it is an RFC.
    public let spec: SpecReference?
    /// Where it is defined when that is not an RFC (a W3C or WHATWG spec, a vendor's docs).
    public let reference: String
    public let cardinality: Cardinality
    /// The structured-field type (RFC 9651) when the field is defined as one.
    public let structuredType: StructuredType?
    /// The grammar of its value, for fields simple enough to check generically; `nil` for
    /// fields whose values are checked by rules of their own, or not at all.
    public let valueSyntax: ValueSyntax?
    public let direction: Direction
    /// Whether its definition lets it be sent as a trailer field (RFC 9110 §6.5.1); `nil` when
    /// its definition does not say, so that only fields known to be excluded are reported.
    public let allowedInTrailers: Bool?
    /// Whether it describes the connection and must not be forwarded (RFC 9110 §7.6.1).
    public let isHopByHop: Bool
    /// For deprecated and obsoleted fields: what to use instead.
    public let replacement: String?

    public init(
        _ name: String, standing: Standing = .permanent, spec: SpecReference? = nil, reference: String = "",
        cardinality: Cardinality, structuredType: StructuredType? = nil, valueSyntax: ValueSyntax? = nil,
        direction: Direction = .both,
        allowedInTrailers: Bool? = nil, isHopByHop: Bool = false, replacement: String? = nil
    ) {
        self.name = name
        self.standing = standing
        self.spec = spec
        self.reference = reference
        self.cardinality = cardinality
        self.structuredType = structuredType
        self.valueSyntax = valueSyntax
        self.direction = direction
        self.allowedInTrailers = allowedInTrailers
        self.isHopByHop = isHopByHop
        self.replacement = replacement
    }

    public enum Standing: String, Sendable {
        /// In the IANA HTTP Field Name Registry as permanent.
        case permanent
        /// In the registry as provisional.
        case provisional
        /// In the registry as deprecated: still seen, to be replaced.
        case deprecated
        /// In the registry as obsoleted: no longer defined.
        case obsoleted
        /// Not registered, but common (X-Content-Type-Options, X-Frame-Options…).
        case unregistered
    }

    public enum Cardinality: String, Sendable {
        /// One value; several field lines are an error (RFC 9110 §5.3).
        case singleton
        /// A comma-separated list: several field lines combine into one (RFC 9110 §5.3).
        case list
        /// Several field lines allowed but not combinable (Set-Cookie, RFC 9110 §5.3).
        case multipleLines
    }

    public enum StructuredType: String, Sendable {
        case item, list, dictionary
    }

    public enum Direction: String, Sendable {
        case request, response, both
    }

    /// The definition of `name` (case-insensitive), if httplint knows the field.
    public static func lookup(_ name: String) -> FieldDefinition? { index(of: name).map { entries[$0] } }

    /// Every known field, in table order.
    public static var all: [FieldDefinition] { entries }

    /// The table entries that satisfy `predicate`, as a set a received field is tested against
    /// with one bit (``FieldNameSet/contains(_:)``) instead of a look-up: for rules that walk
    /// every field and act on some kinds.
    public static func entries(where predicate: (FieldDefinition) -> Bool) -> FieldNameSet {
        FieldNameSet(indices: entries.indices.filter { predicate(entries[$0]) })
    }

    /// The definition of a received field (found when the field was read).
    public static func lookup(_ field: Field) -> FieldDefinition? {
        field.definitionIndex < 0 ? nil : entries[Int(field.definitionIndex)]
    }

    /// The table indexes of the fields that frame a message, for the parser.
    static let transferEncodingIndex = Int32(index(of: "Transfer-Encoding")!)
    static let contentLengthIndex = Int32(index(of: "Content-Length")!)
    static let connectionIndex = Int32(index(of: "Connection")!)

    /// Where `name` (any case) is in the table, if it is there.
    static func index(of name: String) -> Int? { FieldNameIndex.shared.index(of: name) }
}

/// A field of the table known by its place in it, so that asking whether a received field is
/// that one is one integer comparison instead of a name comparison: for code that walks every
/// field and picks out a few.
///
/// ```swift
/// static let date = TableField("Date")
/// for field in response.fields where field.is(Self.date) { … }
/// ```
public struct TableField: Sendable, Equatable {
    @usableFromInline let index: Int32

    /// The table field called `name` (any case). A name outside the table is a programming
    /// error: it stops the program, so that every test run catches it.
    public init(_ name: String) {
        guard let index = FieldDefinition.index(of: name) else { preconditionFailure("'\(name)' is not in the field table") }
        self.index = Int32(index)
    }

    /// The table field that `field` is, or `nil` when its name is not in the table.
    public init?(of field: Field) {
        guard field.definitionIndex >= 0 else { return nil }
        index = field.definitionIndex
    }

    /// The field's name as the table spells it.
    public var name: String { FieldDefinition.entries[Int(index)].name }
}

extension Field {
    /// Whether this field is `tableField` (its name, in any case).
    @inlinable public func `is`(_ tableField: TableField) -> Bool { definitionIndex == tableField.index }
}

/// Look-ups of table fields: each field's table place was found when it was read, so these
/// compare one number per field instead of hashing and comparing the wanted name.
extension Fields {
    /// Every `tableField` field, in order.
    public func named(_ tableField: TableField) -> FieldLines { lines { $0.is(tableField) } }

    /// The first `tableField` field.
    public func first(named tableField: TableField) -> Field? { firstPosition { $0.is(tableField) }.map { self[$0] } }

    /// Whether a `tableField` field is present.
    public func contains(_ tableField: TableField) -> Bool { firstPosition { $0.is(tableField) } != nil }

    /// The list elements of every `tableField` field (see ``listElements(named:)-(String)``).
    public func listElements(named tableField: TableField) -> [String] { Self.listElements(of: named(tableField)) }
}
