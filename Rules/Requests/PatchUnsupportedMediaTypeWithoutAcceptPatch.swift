import HTTPLintCore

/// A 415 to PATCH says which patch formats are supported.
struct PatchUnsupportedMediaTypeWithoutAcceptPatch: Rule {
    static let description = RuleDescription(
        id: "patch-unsupported-media-type-without-accept-patch",
        severity: .warning,
        category: .requests,
        summary: "415 to a PATCH request without an Accept-Patch field",
        rationale: """
            RFC 5789 §2.2, "Unsupported patch document": 415 "can be specified ... when the \
            client sends a patch document format that the server does not support for the \
            resource identified by the Request-URI. Such a response SHOULD include an \
            Accept-Patch response header as described in Section 3.1 to notify the client what \
            patch document media types are supported." Without it the client cannot choose a \
            format that would work.
            """,
        fix: "Send `Accept-Patch` with the supported patch formats in the 415",
        spec: [SpecReference(rfc: 5789, section: "2.2"), SpecReference(rfc: 5789, section: "3.1"), .rfc9110("15.5.16")],
        fields: ["Accept-Patch"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 415 Unsupported Media Type\nContent-Length: 0\n\n",
                    request: "PATCH /doc HTTP/1.1\nHost: a.example\nContent-Type: text/x-diff\nContent-Length: 2\n\nhi", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 415 Unsupported Media Type\nAccept-Patch: application/merge-patch+json\nContent-Length: 0\n\n",
                    request: "PATCH /doc HTTP/1.1\nHost: a.example\nContent-Type: text/x-diff\nContent-Length: 2\n\nhi"),
            Example("HTTP/1.1 415 Unsupported Media Type\nContent-Length: 0\n\n",
                    request: "POST /doc HTTP/1.1\nHost: a.example\nContent-Type: text/x-diff\nContent-Length: 2\n\nhi"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 415, let request = exchange.request, request.method == "PATCH",
              !response.fields.contains("Accept-Patch") else { return }
        report.add("415 to PATCH without Accept-Patch: the client is not told which patch formats the resource takes",
                   about: response, request: request.methodSpan)
    }
}
