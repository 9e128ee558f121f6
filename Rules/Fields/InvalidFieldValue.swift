import HTTPLintCore

/// A field whose value does not match the grammar its specification gives it, for the fields
/// the field table gives a value syntax (Trailer, Server-Timing, Sec-WebSocket-Accept,
/// Priority's members…).
struct InvalidFieldValue: Rule {
    static let description = RuleDescription(
        id: "invalid-field-value",
        severity: .error,
        category: .fields,
        summary: "Field value that does not match its field's grammar (Trailer, TTL, Server-Timing, Priority…)",
        rationale: """
            Each field's specification gives its value a grammar: `Trailer = #field-name` \
            (RFC 9110 §6.6.2), `TTL = 1*DIGIT` (RFC 8030 §5.2), `Sec-WebSocket-Accept` the \
            base64 of a 20-byte hash (RFC 6455 §4.2.2), `Timing-Allow-Origin = 1#( origin-or-null \
            / wildcard )` (Resource Timing), and for structured fields the types of their members: \
            Priority's `u` is an Integer from 0 to 7 (RFC 9218 §4.1), Content-Digest values are \
            Byte Sequences (RFC 9530 §2). A value outside its grammar is ignored by careful \
            recipients, read differently by lenient ones, and fails handshakes that compare it \
            exactly. The field table (`httplint rules --docs`, Fields) lists the fields checked; \
            fields with rules of their own (dates, ETag, Cache-Control…) are checked there.
            """,
        fix: "Write the value as its specification's grammar says; the message names the part that is wrong",
        spec: [.rfc9110("5.5"), .rfc9110("5.6")],
        triggering: [
            Example("HTTP/1.1 415 Unsupported Media Type\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nAccept-Encoding: gzip;q\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nTrailer: Server Timing\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo\n\n", line: 4),
            Example("HTTP/1.1 426 Upgrade Required\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nUpgrade: websocket\nSec-WebSocket-Version: 13, 08\nContent-Length: 0\n\n", line: 4),
            Example("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Protocol: chat, superchat\n\n", line: 4),
            Example("HTTP/1.1 201 Created\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nTTL: 1.5\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nTiming-Allow-Origin: https://example.com/\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nClear-Site-Data: cache, \"cookies\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nServer-Timing: db;dur, app;dur=47.2\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nNEL: [{\"report_to\": \"default\", \"max_age\": 86400}]\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nAccess-Control-Allow-Methods: GET POST\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nLock-Token: opaquelocktoken:e71d4fae-5dec-22d6-fea5-00a0c91e6be4\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nPriority: u=9\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nCache-Status: ExampleCache; hit; ttl=1.5\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nContent-Digest: sha-256=\"X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nUse-As-Dictionary: id=\"v1\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nDeprecation: true\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nSunset: 2027-01-01\nContent-Length: 0\n\n", line: 3),
            // A structured trailer is parsed and checked too.
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nTrailer: Content-Digest\nTransfer-Encoding: chunked\n\n0\nContent-Digest: sha-256=1\n\n", line: 7),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nTrailer: Server-Timing, Content-Digest\nTransfer-Encoding: chunked\n\n0\nServer-Timing: total;dur=12\nContent-Digest: sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:\n\n"),
            Example("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\nSec-WebSocket-Protocol: chat\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=15\n\n"),
            Example("HTTP/1.1 426 Upgrade Required\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nUpgrade: websocket\nSec-WebSocket-Version: 13, 8, 7\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nTiming-Allow-Origin: https://example.com, http://localhost:8080, null\nClear-Site-Data: \"cache\", \"cookies\", \"*\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nServer-Timing: cdn-cache; desc=HIT, edge; dur=1, db;desc=\"a, b\";dur=53.2\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nNEL: {\"report_to\": \"default\", \"max_age\": 86400, \"failure_fraction\": 0.01}\nReport-To: {\"group\": \"default\", \"max_age\": 86400, \"endpoints\": [{\"url\": \"https://r.example/nel\"}]}\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 204 No Content\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nAccess-Control-Allow-Methods: GET, POST, *\nAccess-Control-Allow-Headers: Content-Type, X-Requested-With\nAccess-Control-Expose-Headers:\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nLock-Token: <opaquelocktoken:e71d4fae-5dec-22d6-fea5-00a0c91e6be4>\nDAV: 1, 2, <http://apache.org/dav/propset/fs/1>\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nPriority: u=5, i\nCache-Status: \"Example CDN\"; fwd=uri-miss; stored, ExampleCache; hit; ttl=-412; detail=MEMORY\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nUse-As-Dictionary: match=\"/app/*/main.js\", match-dest=(\"script\"), id=\"v1\"\nDeprecation: @1688169599\nSunset: Sun, 30 Jun 2024 23:59:59 GMT\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nMIME-Version: 1.0 (generated by a gateway)\nAuthentication-Info: nextnonce=\"8f2c\", qop=auth, rspauth=\"6629fae4\"\nPreference-Applied: return=minimal\nContent-Length: 0\n\n"),
            // A structured value that does not parse is invalid-structured-field's.
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nPriority: U=9\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        // Structured header fields come parsed from the reading invalid-structured-field
        // shares; trailers (rare) are parsed here.
        for entry in report.reading(StructuredFieldValues.self, of: response).all {
            guard let syntax = entry.definition.valueSyntax, entry.definition.direction != .request,
                  case .success(let parsed) = entry.parsed, !entry.value.trimmingWhitespace().isEmpty else { continue }
            for problem in syntax.problems(inStructured: parsed, name: entry.definition.name) {
                report.add(problem, at: entry.span, status: response.status)
            }
        }
        Self.check(response.fields, of: response, includingStructured: false, &report)
        Self.check(response.trailers, of: response, includingStructured: true, &report)
    }

    /// The table fields with a value syntax that a response may carry.
    private static let checked = FieldDefinition.entries { $0.valueSyntax != nil && $0.direction != .request }

    /// Checks `fields` against their syntaxes, the structured ones only when asked.
    private static func check(_ fields: Fields, of response: Response, includingStructured: Bool,
                              _ report: inout FindingReporter) {
        var structuredDone = FieldNameSet()
        let checked = Self.checked
        fields.forEach { field in
            guard checked.contains(field), let definition = FieldDefinition.lookup(field),
                  let syntax = definition.valueSyntax else { return }
            if case .structured = syntax.element {
                // RFC 9651 §4.2: the lines of a structured field are combined before parsing.
                guard includingStructured, structuredDone.insert(nameOf: field) else { return }
                let lines = fields.named(definition.name)
                let value = lines.map(\.value).joined(separator: ", ")
                for problem in syntax.problems(in: value, name: definition.name, structuredType: definition.structuredType) {
                    report.add(problem, at: lines.count == 1 ? field.valueSpan : field.lineSpan, status: response.status)
                }
                return
            }
            for problem in syntax.problems(inValueBytes: field.valueUTF8Slice, name: { field.name }) {
                report.add(problem, at: field.valueSpan, status: response.status)
            }
        }
    }
}
