import HTTPLintCore

/// Content-Disposition must be a disposition type with parameters, each named once.
struct InvalidContentDisposition: Rule {
    static let description = RuleDescription(
        id: "invalid-content-disposition",
        severity: .error,
        category: .fields,
        summary: "Content-Disposition that does not parse, repeats a parameter, or has a malformed filename*",
        rationale: """
            RFC 6266 §4.1: `disposition-type *( ";" disposition-parm )`, the type a token \
            (`inline`, `attachment` or an extension), each parameter `token "=" ( token / \
            quoted-string )`, and a parameter whose name ends in `*` (such as `filename*`) \
            takes an RFC 8187 ext-value: `charset "'" [ language ] "'" value-chars`, where \
            every octet other than letters, digits and ``!#$&+-.^_`|~`` is percent-encoded \
            (RFC 8187 §3.2.1). Values with the same parameter twice are invalid (§4.1), and \
            the default handling of an invalid field is to ignore it (§3), so the browser \
            saves the download under a name of its own choosing, or displays it inline.
            """,
        fix: "Send `Content-Disposition: attachment; filename=\"name.ext\"; filename*=UTF-8''name.ext`, each parameter once",
        spec: [SpecReference(rfc: 6266, section: "4.1"), SpecReference(rfc: 8187, section: "3.2.1")],
        fields: ["Content-Disposition"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: filename=\"report.pdf\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename=a.txt; filename=b.txt\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename=my report.pdf\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename*=UTF-8''%e2%82%ac rates\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename*=\"UTF-8''rates.txt\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename*=UTF-8'%e2%82%ac.txt\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename*=UTF-8''%e2%82.txt\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: Attachment; filename=example.html\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: INLINE; FILENAME= \"an example.html\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename=\"EURO rates\"; filename*=utf-8''%e2%82%ac%20rates\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename*=UTF-8'en'a%20b.txt; size=42\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: inline\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename=\"a;b,c.txt\"\nContent-Length: 0\n\n"),
        ]
    )

    /// A parsed Content-Disposition value.
    struct Disposition {
        let type: String
        let parameters: [WrittenParameter]
    }

    /// Parses `disposition-type *( ";" disposition-parm )`, with whitespace allowed around `;`
    /// and `=` (RFC 6266 §4.1 keeps RFC 2616's implied linear whitespace). Empty parameters
    /// (`;;`, a trailing `;`) are passed over.
    static func parse(_ bytes: [UInt8]) -> Result<Disposition, ParameterProblem> {
        var scanner = ParameterScanner(bytes)
        scanner.skipWhitespace()
        guard let type = scanner.token() else {
            return .failure(ParameterProblem("it does not start with a disposition type such as attachment or inline"))
        }
        var lookahead = scanner
        lookahead.skipWhitespace()
        if lookahead.peek == 0x3D {
            return .failure(ParameterProblem("it starts with the parameter '\(type)' instead of a disposition type (attachment or inline)"))
        }
        return scanner.parameters(valueRequired: true, spaceAroundEquals: true).map { Disposition(type: type, parameters: $0) }
    }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.contentDisposition) {
            let disposition: Disposition
            switch Self.parse(field.valueUTF8) {
            case .failure(let problem):
                report.add("Content-Disposition '\(Printable.escape(field.value))' is invalid: \(problem.description)",
                           at: field.valueSpan, status: response.status)
                continue
            case .success(let parsed):
                disposition = parsed
            }
            var seen = Set<String>()
            for parameter in disposition.parameters {
                if !seen.insert(parameter.key).inserted {
                    report.add("Content-Disposition has the parameter '\(Printable.escape(parameter.name))' more than once, which makes the value invalid",
                               at: field.valueSpan, status: response.status)
                    continue
                }
                guard parameter.name.hasSuffix("*"), let bytes = parameter.value else { continue }
                if parameter.isQuoted {
                    report.add("Content-Disposition \(parameter.name) is a quoted string; an extended value is written bare, as \(parameter.name)=UTF-8''…",
                               at: field.valueSpan, status: response.status)
                    continue
                }
                switch ExtValue.parse(bytes) {
                case .failure(let problem):
                    report.add("Content-Disposition \(parameter.name)=\(Printable.escape(bytes)) is not an extended value: \(problem.description)",
                               at: field.valueSpan, status: response.status)
                case .success(let extValue):
                    if extValue.isUTF8, String(validating: extValue.octets, as: UTF8.self) == nil {
                        report.add("Content-Disposition \(parameter.name)=\(Printable.escape(bytes)) says UTF-8 but its percent-encoded octets are not UTF-8",
                                   at: field.valueSpan, status: response.status)
                    }
                }
            }
        }
    }
}
