import HTTPLintCore

/// Content-Range must follow its grammar, describe a possible range, and match a 206's content.
struct InvalidContentRange: Rule {
    static let description = RuleDescription(
        id: "invalid-content-range",
        severity: .error,
        category: .fields,
        summary: "Content-Range that does not parse, names an impossible range, or disagrees with a 206's content",
        rationale: """
            RFC 9110 §14.4: `Content-Range = range-unit SP ( range-resp / unsatisfied-range )`, \
            `range-resp = incl-range "/" ( complete-length / "*" )`, `incl-range = first-pos \
            "-" last-pos`, `unsatisfied-range = "*/" complete-length`, all positions being \
            digits. The value is invalid when last-pos is below first-pos or when the complete \
            length is not above last-pos, and a recipient then must not combine the content \
            with what it has stored. A single-part 206 must say which range it encloses \
            (§15.3.7.1), which the `*/length` form does not, and its Content-Length counts the \
            octets of that range (§15.3.7), so it must be last-pos - first-pos + 1. Only the \
            `bytes` unit is checked in detail: other units may define other positions. A 416 \
            is left to range-not-satisfiable-without-content-range.
            """,
        fix: "Send `Content-Range: bytes FIRST-LAST/LENGTH` with FIRST <= LAST < LENGTH and LAST - FIRST + 1 content octets",
        spec: [.rfc9110("14.4"), .rfc9110("15.3.7"), .rfc9110("15.3.7.1")],
        fields: ["Content-Range", "Content-Length"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Range: bytes=0-4/100\nContent-Length: 5\n\nhello", line: 3),
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Range: bytes 10-5/100\nContent-Length: 5\n\nhello", line: 3),
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Range: bytes 0-4/4\nContent-Length: 5\n\nhello", line: 3),
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Range: bytes */100\nContent-Length: 5\n\nhello", line: 3),
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Range: bytes 0-9/100\nContent-Length: 5\n\nhello", line: 3),
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Range: bytes 0-4\nContent-Length: 5\n\nhello", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello"),
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Range: Bytes 95-99/*\nContent-Length: 5\n\nhello"),
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Range: bytes 0-4/5\nTransfer-Encoding: chunked\n\n5\nhello\n0\n\n"),
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Range: exampleunit 1.2-4.3/25\nContent-Length: 5\n\nhello"),
            // A 416's Content-Range is checked by range-not-satisfiable-without-content-range.
            Example("HTTP/1.1 416 Range Not Satisfiable\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Range: bytes */1234\nContent-Length: 0\n\n"),
            // Content-Range has no meaning on a 200, but this one is well formed.
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Range: bytes 0-4/5\nContent-Length: 5\n\nhello"),
        ]
    )

    /// A parsed Content-Range value.
    enum Value: Equatable {
        /// `unit first-last/length` (`lengthIsUnknown` for `*`); numbers `nil` when too large to compare.
        case range(unit: String, first: UInt64?, last: UInt64?, lengthIsUnknown: Bool, length: UInt64?)
        /// `unit */length`.
        case unsatisfied(unit: String, length: UInt64?)
        /// A unit other than bytes, whose rest is not checked.
        case otherUnit(String)
    }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status != 416 else { return }
        for field in response.fields.named(.contentRange) {
            let parsed: Value
            switch Self.parse(field.value) {
            case .failure(let problem):
                report.add("Content-Range '\(Printable.escape(field.value))' is invalid: \(problem.description)",
                           at: field.valueSpan, status: response.status)
                continue
            case .success(let value):
                parsed = value
            }
            switch parsed {
            case .range(_, let first?, let last?, _, let length):
                if last < first {
                    report.add("Content-Range '\(Printable.escape(field.value))' is invalid: the last position \(last) is before the first \(first)",
                               at: field.valueSpan, status: response.status)
                    continue
                }
                if let complete = length, complete <= last {
                    report.add("Content-Range '\(Printable.escape(field.value))' is invalid: the complete length \(complete) must be greater than the last position \(last)",
                               at: field.valueSpan, status: response.status)
                    continue
                }
                guard response.status == 206, !response.isMultipartByteranges, !response.content.isTruncated else { continue }
                let (count, overflow) = (last - first).addingReportingOverflow(1)
                guard !overflow else { continue }
                let actual: Int
                let what: String
                switch response.content.framing {
                case .contentLength(let length): actual = length; what = "Content-Length is \(length)"
                case .chunked: actual = response.content.length; what = "the chunked content holds \(response.content.length) octets"
                default: continue
                }
                if UInt64(actual) != count {
                    report.add("Content-Range '\(Printable.escape(field.value))' covers \(count) octets but \(what)",
                               at: field.valueSpan, status: response.status)
                }
            case .unsatisfied where response.status == 206:
                report.add("206 response has Content-Range '\(Printable.escape(field.value))', which names no enclosed range; a 206 must send 'bytes FIRST-LAST/LENGTH'",
                           at: field.valueSpan, status: response.status)
            default:
                break
            }
        }
    }

    struct Problem: Error {
        let description: String
    }

    /// Parses `value` per RFC 9110 §14.4; for units other than `bytes` only `unit SP rest`.
    static func parse(_ value: String) -> Result<Value, Problem> {
        let bytes = Array(value.utf8)
        guard let space = bytes.firstIndex(of: 0x20) else {
            if let equals = bytes.firstIndex(of: 0x3D), String(decoding: bytes[..<equals], as: UTF8.self).isHTTPToken {
                return .failure(Problem(description: "the unit is followed by '=' (as in a Range request) instead of one space"))
            }
            return .failure(Problem(description: "it is not 'unit first-last/length'"))
        }
        let unit = String(decoding: bytes[..<space], as: UTF8.self)
        guard unit.isHTTPToken else {
            return .failure(Problem(description: "'\(Printable.escape(unit))' is not a range unit (a token)"))
        }
        let rest = bytes[(space + 1)...]
        guard !rest.isEmpty else { return .failure(Problem(description: "nothing follows the unit")) }
        guard unit.asciiLowercased() == "bytes" else { return .success(.otherUnit(unit)) }
        guard let slash = rest.firstIndex(of: 0x2F) else {
            return .failure(Problem(description: "there is no '/' and complete length (write '/*' when it is unknown)"))
        }
        let range = rest[..<slash]
        let lengthText = rest[(slash + 1)...]
        let isDigits: (ArraySlice<UInt8>) -> Bool = { !$0.isEmpty && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        let number: (ArraySlice<UInt8>) -> UInt64? = { UInt64(String(decoding: $0, as: UTF8.self)) }
        if range.elementsEqual([0x2A]) {
            guard isDigits(lengthText) else {
                return .failure(Problem(description: "'*/' must be followed by the complete length in digits"))
            }
            return .success(.unsatisfied(unit: unit, length: number(lengthText)))
        }
        guard let dash = range.firstIndex(of: 0x2D), isDigits(range[..<dash]), isDigits(range[(dash + 1)...]) else {
            return .failure(Problem(description: "'\(Printable.escape(range))' is not 'first-last' in digits"))
        }
        let isUnknown = lengthText.elementsEqual([0x2A])
        guard isUnknown || isDigits(lengthText) else {
            return .failure(Problem(description: "the complete length '\(Printable.escape(lengthText))' is neither digits nor '*'"))
        }
        return .success(.range(unit: unit, first: number(range[..<dash]), last: number(range[(dash + 1)...]),
                               lengthIsUnknown: isUnknown, length: isUnknown ? nil : number(lengthText)))
    }
}
