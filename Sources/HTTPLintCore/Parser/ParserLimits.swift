/// Bounds on what one message may hold, so that hostile input cannot exhaust time or memory.
/// Past a limit the parser records a `limit-exceeded` deviation and stops reading that input;
/// the next input is read as usual.
///
/// ```swift
/// var limits = ParserLimits()
/// limits.maxFields = 500
/// let exchanges = ResponseParser.parse(source, limits: limits)
/// ```
public struct ParserLimits: Sendable, Hashable {
    /// Longest status line, field line (folds included) or chunk-size line, in bytes.
    public var maxLineLength: Int
    /// Largest header or trailer section, in bytes.
    public var maxFieldSectionSize: Int
    /// Most field lines in one header or trailer section.
    public var maxFields: Int
    /// Most chunks in one message.
    public var maxChunks: Int
    /// Deepest nesting of a JSON input (HAR), checked before it is parsed.
    public var maxJSONDepth: Int
    /// Largest input read, in bytes; a larger file is an input error.
    public var maxInputSize: Int
    /// Longest request-target a request may have before the parser notes it as long
    /// (RFC 9112 §3 recommends supporting request lines of at least 8000 octets). Not a
    /// limit on reading: the request is read whole.
    public var maxTargetLength: Int

    public init(maxLineLength: Int = 1 << 20, maxFieldSectionSize: Int = 16 << 20,
                maxFields: Int = 100_000, maxChunks: Int = 10_000_000, maxJSONDepth: Int = 512,
                maxInputSize: Int = 256 << 20, maxTargetLength: Int = 8000) {
        self.maxLineLength = maxLineLength
        self.maxFieldSectionSize = maxFieldSectionSize
        self.maxFields = maxFields
        self.maxChunks = maxChunks
        self.maxJSONDepth = maxJSONDepth
        self.maxInputSize = maxInputSize
        self.maxTargetLength = maxTargetLength
    }

    /// 1 MiB lines, 16 MiB sections, 100,000 fields, 10,000,000 chunks, JSON 512 deep, 256 MiB
    /// inputs: far above what any real server sends (nginx and NIO stop at tens of kilobytes),
    /// low enough to keep time and memory in hand.
    public static let `default` = ParserLimits()
}
