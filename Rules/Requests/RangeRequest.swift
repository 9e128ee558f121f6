import HTTPLintCore

/// A request's `Range` value (RFC 9110 §14.1, §14.2), read for the rules that judge how a
/// server answered it:
///
///     ranges-specifier = range-unit "=" range-set
///     range-set        = 1#range-spec
///     range-spec       = int-range / suffix-range / other-range
///     int-range        = first-pos "-" [ last-pos ]
///     suffix-range     = "-" suffix-length
///
/// Numbers too large for 64 bits saturate: such a position lies beyond any real length.
struct RangeRequest {
    enum Spec: Equatable {
        /// `first-last` or `first-` (`last` nil).
        case int(first: UInt64, last: UInt64?)
        /// `-length`: the last `length` octets.
        case suffix(UInt64)
    }

    /// The range unit, lowercased.
    let unit: String
    /// How many range-specs the range-set has (for any unit).
    let count: Int
    /// The byte ranges; empty for another unit.
    let specs: [Spec]
    /// The Range field line, where a finding points in the request.
    let span: ByteSpan
    let text: String

    /// The request's Range when it is one valid ranges-specifier; `nil` when absent, repeated
    /// or invalid ("A server that supports range requests MAY ignore or reject a Range header
    /// field that contains an invalid ranges-specifier", §14.2: nothing can be judged then).
    init?(of request: Request) {
        let lines = request.fields.named(.range)
        guard lines.count == 1 else { return nil }
        let value = lines[0].value
        guard let equals = value.firstIndex(of: "=") else { return nil }
        let unit = String(value[..<equals])
        guard unit.isHTTPToken else { return nil }
        let members = value[value.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !members.isEmpty else { return nil }
        self.unit = unit.asciiLowercased()
        self.count = members.count
        self.span = lines[0].lineSpan
        self.text = value
        guard self.unit == "bytes" else {
            // other-range = 1*( %x21-2B / %x2D-7E ): only the count is read.
            guard members.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x21 && $0 <= 0x7E && $0 != 0x2C } }) else { return nil }
            self.specs = []
            return
        }
        var specs: [Spec] = []
        for member in members {
            guard let spec = Self.spec(member) else { return nil }
            specs.append(spec)
        }
        self.specs = specs
    }

    private static func spec(_ text: Substring) -> Spec? {
        guard let dash = text.firstIndex(of: "-") else { return nil }
        let before = text[..<dash], after = text[text.index(after: dash)...]
        if before.isEmpty { return number(after).map(Spec.suffix) }
        guard let first = number(before) else { return nil }
        if after.isEmpty { return .int(first: first, last: nil) }
        // "An int-range is invalid if the last-pos value is present and less than the first-pos."
        guard let last = number(after), last >= first else { return nil }
        return .int(first: first, last: last)
    }

    /// 1*DIGIT, saturating at `UInt64.max`.
    private static func number(_ text: Substring) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy(\.isASCIIDigit) else { return nil }
        var value: UInt64 = 0
        for digit in text.utf8 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(UInt64(digit - 0x30))
            if o1 || o2 { return .max }
            value = plus
        }
        return value
    }

    /// The octets each satisfiable byte range asks for in a representation of `length` octets
    /// (§14.1.2: a last-pos at or past the end means the remainder; a suffix longer than the
    /// representation means all of it); unsatisfiable ones left out.
    func resolved(against length: UInt64) -> [ClosedRange<UInt64>] {
        specs.compactMap { spec in
            switch spec {
            case .int(let first, let last):
                // Satisfiable when first-pos is less than the current length.
                guard first < length else { return nil }
                return first...min(last ?? .max, length - 1)
            case .suffix(let count):
                // Satisfiable when suffix-length is non-zero (and, for an empty representation,
                // still nothing to send).
                guard count > 0, length > 0 else { return nil }
                return (count >= length ? 0 : length - count)...(length - 1)
            }
        }
    }

    /// Whether some byte range is satisfiable against `length` (§14.1.1); for a zero length
    /// only a non-zero suffix-range is.
    func isSatisfiable(against length: UInt64) -> Bool {
        specs.contains { spec in
            switch spec {
            case .int(let first, _): first < length
            case .suffix(let count): count > 0
            }
        }
    }
}

extension Response {
    /// The byte range a single-part 206 encloses and the complete length, from its one
    /// Content-Range `bytes FIRST-LAST/LENGTH`; `nil` for a multipart response, an unknown
    /// (`*`) length, another unit, or a value invalid-content-range reports.
    var enclosedByteRange: (range: ClosedRange<UInt64>, length: UInt64, field: Field)? {
        let lines = fields.named(.contentRange)
        guard lines.count == 1, !isMultipartByteranges,
              case .success(.range(let unit, let first?, let last?, false, let length?)) = InvalidContentRange.parse(lines[0].value),
              unit.asciiLowercased() == "bytes", first <= last, last < length else { return nil }
        return (first...last, length, lines[0])
    }

    /// The current length a 416 tells in its one Content-Range `bytes */LENGTH`.
    var unsatisfiedByteLength: (length: UInt64, field: Field)? {
        let lines = fields.named(.contentRange)
        guard lines.count == 1, case .success(.unsatisfied(let unit, let length?)) = InvalidContentRange.parse(lines[0].value),
              unit.asciiLowercased() == "bytes" else { return nil }
        return (length, lines[0])
    }
}
