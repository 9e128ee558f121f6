import HTTPLintCore

/// Accept-Patch and Accept-Post imply that PATCH and POST are allowed.
struct AcceptPatchContradictsAllow: Rule {
    static let description = RuleDescription(
        id: "accept-patch-contradicts-allow",
        severity: .warning,
        category: .fields,
        summary: "Accept-Patch without PATCH in the same response's Allow, or Accept-Post without POST",
        rationale: """
            RFC 5789 §3.1: "The presence of the Accept-Patch header in response to any method is \
            an implicit indication that PATCH is allowed on the resource identified by the \
            Request-URI." W3C Linked Data Platform 1.0 §7.1 says the same of Accept-Post and \
            POST. Allow lists "the set of methods advertised as supported by the target \
            resource" (RFC 9110 §10.2.1). A response whose Allow leaves out the method its \
            Accept-Patch or Accept-Post implies says two contradicting things about the \
            resource; one of the fields is stale.
            """,
        fix: "Add PATCH (or POST) to Allow, or drop Accept-Patch (or Accept-Post) where the method is not supported",
        spec: [SpecReference(rfc: 5789, section: "3.1"), .rfc9110("10.2.1"),
               SpecReference(document: "Linked Data Platform 1.0", section: "7.1 Accept-Post", url: "https://www.w3.org/TR/ldp/#header-accept-post")],
        fields: ["Accept-Patch", "Accept-Post", "Allow"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nAllow: GET, HEAD, OPTIONS\nAccept-Patch: application/merge-patch+json\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nAllow: GET, HEAD, OPTIONS\nAccept-Post: text/turtle\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nAllow: GET, HEAD, OPTIONS, PATCH\nAccept-Patch: application/merge-patch+json\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nAccept-Patch: application/merge-patch+json\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nAllow: GET, POST\nAccept-Post: text/turtle\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.fields.contains("Allow") else { return }
        let allowed = Set(response.fields.listElements(named: "Allow"))
        for (field, method) in [("Accept-Patch", "PATCH"), ("Accept-Post", "POST")] where !allowed.contains(method) {
            guard let line = response.fields.first(named: field) else { continue }
            report.add("\(line.name) implies that \(method) is allowed, but Allow does not list it",
                       at: line.lineSpan, status: response.status)
        }
    }
}
