import HTTPLintCore

/// A Link anchor that is not a URI reference, or a type that is not a media type.
struct InvalidLinkParameter: Rule {
    static let description = RuleDescription(
        id: "invalid-link-parameter",
        severity: .warning,
        category: .fields,
        summary: "Link whose anchor is not a URI reference or whose type is not a media type",
        rationale: """
            RFC 8288 §3.2: the anchor parameter overrides the link's context with another URI, \
            resolved like a URI reference when relative; a value that is not one (spaces, a \
            stray '%') gives no context at all, or a different one in each client. §3.4.1: \
            type "is a hint indicating what the media type of the result of dereferencing the \
            link should be", so its value is a media type (`type \"/\" subtype`, RFC 9110 \
            §8.3.1); `type=css` or `type=\"script\"` hints nothing a client can use, and \
            preload hints with such a type may be skipped.
            """,
        fix: "Give anchor a URI reference (`anchor=\"#section-2\"`) and type a media type (`type=\"text/css\"`)",
        spec: [SpecReference(rfc: 8288, section: "3.2"), SpecReference(rfc: 8288, section: "3.4.1"), .rfc9110("8.3.1")],
        fields: ["Link"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nLink: </style.css>; rel=preload; as=style; type=css\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nLink: </a>; rel=next, </b>; rel=\"describedby\"; anchor=\"#a b\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nLink: </style.css>; rel=preload; as=style; type=\"text/css\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nLink: </license>; rel=license; anchor=\"#foo\", <https://example.org/>; rel=alternate; type=application/rss+xml\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nLink: </data>; rel=alternate; type=\"text/html; charset=utf-8\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.link) {
            guard case .success(let links) = InvalidLink.parse(field.valueUTF8) else { continue }
            for link in links {
                for parameter in link.parameters where parameter.value != nil {
                    switch parameter.key {
                    case "anchor":
                        if let problem = URIReference.problem(in: parameter.text) {
                            report.add("Link <\(Printable.escape(link.target))>: anchor '\(Printable.escape(parameter.text))' is not a URI reference: \(problem)",
                                       at: field.valueSpan, status: response.status)
                        }
                    case "type":
                        if MediaType(bytes: parameter.value ?? []) == nil {
                            report.add("Link <\(Printable.escape(link.target))>: type '\(Printable.escape(parameter.text))' is not a media type (type/subtype)",
                                       at: field.valueSpan, status: response.status)
                        }
                    default: break
                    }
                }
            }
        }
    }
}
