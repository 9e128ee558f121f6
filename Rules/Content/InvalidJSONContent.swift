import HTTPLintCore

/// Content labelled as JSON that is not one JSON text in UTF-8.
struct InvalidJSONContent: Rule {
    static let description = RuleDescription(
        id: "invalid-json-content",
        severity: .error,
        category: .content,
        summary: "Content labelled application/json (or +json) that is not a JSON text",
        rationale: """
            RFC 8259 §2: a JSON text is one value with optional whitespace around it, and §8.1: \
            JSON exchanged between systems is UTF-8. Content-Type (RFC 9110 §8.3) tells the \
            recipient how to read the content; content labelled application/json, or with the \
            +json suffix of RFC 6839 §3.1 (problem+json, ld+json…), that does not parse makes \
            clients' JSON parsers throw. The usual cause is an error page in HTML from a proxy \
            or framework sent with the API's JSON type, or a document cut or built by string \
            concatenation. httplint reads the content with its gzip, deflate and br codings \
            undone (other codings are not judged), up to 16 MB, and names the first byte that breaks \
            the grammar; a leading byte order mark is let pass, as §8.1 allows parsers. Larger \
            content, and nesting deeper than 64 levels (not followed), are not judged: \
            content-not-checked says so. Responses without content, 206 parts and content cut \
            short are not judged.
            """,
        fix: "Send a JSON document as the content, or label other content with its own media type (text/html for an error page)",
        spec: [SpecReference(rfc: 8259, section: "2"), SpecReference(rfc: 8259, section: "8.1"), .rfc9110("8.3"),
               SpecReference(rfc: 6839, section: "3.1")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            // A gateway's HTML error page with the API's media type.
            Example("HTTP/1.1 502 Bad Gateway\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Length: 50\n\n<html><body><h1>502 Bad Gateway</h1></body></html>", line: 6),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json; charset=utf-8\nContent-Length: 24\n\n{\"id\": 42, \"tags\": [1,]}", line: 6),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/problem+json\nContent-Length: 28\n\n{\"title\": \"x\"}{\"title\": \"y\"}", line: 6),
            // Cut short, with a Content-Length that matches the cut.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Length: 10\n\n{\"items\": ", line: 6),
            // Latin-1, not UTF-8.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Length: 16\n\n",
                         Array("{\"name\": \"Jos".utf8) + [0xE9] + Array("\"}".utf8), line: 6),
            // The same fault inside gzip: found in the decoded text.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: 30\n\n",
                         [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xAB, 0x56, 0xCA, 0x4C, 0x51, 0xB2, 0x52,
                          0x30, 0x31, 0xD2, 0x01, 0x00, 0xA0, 0xB1, 0x74, 0x0C, 0x0A, 0x00, 0x00, 0x00], line: 7),
        ],
        nonTriggering: [
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: 67\n\n",
                         CompressedExamples.gzip),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: Application/JSON\nContent-Length: 43\n\n[1, -2.5e3, \"caf\u{e9} \\u00e9\", true, null, {}]"),
            // Any JSON value at the top, whitespace around it, a byte order mark before it.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/vnd.api+json\nContent-Length: 7\n\n \"ok\"\n"),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Length: 5\n\n",
                         [0xEF, 0xBB, 0xBF] + Array("{}".utf8)),
            // Not a JSON media type: JSON lines, JSON text sequences.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/x-ndjson\nContent-Length: 13\n\n{\"a\":1}\n{}\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json-seq\nContent-Length: 6\n\n\u{1E}{}\n\u{1E}"),
            // No content to read: an empty body, a response to HEAD, a 204.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Length: 20\n\n",
                    request: "HEAD / HTTP/1.1\nHost: example.com\n\n"),
            // A coding httplint does not decode.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: compress\nContent-Length: 4\n\nabcd"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let reading = report.reading(ContentReading.self, of: response)
        guard reading.hasJSON, case .invalid(let problem)? = reading.jsonVerdict,
              let (preview, looksLikeMarkup) = reading.withJSON({ json in
                  (Array(json.prefix(24)), json.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) } == 0x3C)
              }) else { return }
        var message = "the content is labelled \(Printable.escape(reading.mediaType)) but is not JSON: \(problem.reason) at byte \(problem.offset)"
        if reading.jsonWasDecoded { message += " of the decoded content" }
        if looksLikeMarkup { message += " (it starts with '\(Printable.escape(preview))', which looks like HTML or XML)" }
        report.add(message, at: reading.jsonWasDecoded ? reading.span(at: 0) : reading.span(at: problem.offset), status: response.status)
    }
}
