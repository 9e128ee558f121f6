import HTTPLintCore

/// An OPTIONS answer that allows PATCH says which patch formats it takes.
struct OptionsAllowsPatchWithoutAcceptPatch: Rule {
    static let description = RuleDescription(
        id: "options-allows-patch-without-accept-patch",
        severity: .info,
        category: .requests,
        summary: "2xx to OPTIONS whose Allow lists PATCH without an Accept-Patch field",
        rationale: """
            RFC 5789 §3.1: "Accept-Patch SHOULD appear in the OPTIONS response for any resource \
            that supports the use of the PATCH method." A client asking with OPTIONS which patch \
            document formats it may send learns only that PATCH exists. CORS preflight answers \
            (to requests with Access-Control-Request-Method) follow the Fetch standard and are \
            not reported.
            """,
        fix: "Send `Accept-Patch` with the patch formats the resource takes (application/merge-patch+json, application/json-patch+json…)",
        spec: [SpecReference(rfc: 5789, section: "3.1"), .rfc9110("9.3.7")],
        fields: ["Allow", "Accept-Patch"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 204 No Content\nAllow: GET, HEAD, PATCH\n\n", request: "OPTIONS /doc HTTP/1.1\nHost: a.example\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 204 No Content\nAllow: GET, HEAD, PATCH\nAccept-Patch: application/merge-patch+json\n\n",
                    request: "OPTIONS /doc HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nAllow: GET, HEAD, PATCH\nContent-Length: 0\n\n", request: "GET /doc HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 204 No Content\nAllow: GET, HEAD, PATCH\n\n",
                    request: "OPTIONS /doc HTTP/1.1\nHost: a.example\nOrigin: https://b.example\nAccess-Control-Request-Method: PATCH\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, (200..<300).contains(status), let request = exchange.request,
              request.method == "OPTIONS", !request.fields.contains("Access-Control-Request-Method"),
              !response.fields.contains("Accept-Patch"),
              let allow = response.fields.named("Allow").first(where: { $0.listElements.contains("PATCH") }) else { return }
        report.add("\(response.statusText) to OPTIONS allows PATCH but has no Accept-Patch naming the patch formats",
                   at: allow.lineSpan, status: status, request: request.methodSpan)
    }
}
