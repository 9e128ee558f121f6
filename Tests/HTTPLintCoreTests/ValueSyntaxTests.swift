import HTTPLintCore
import Testing

/// The value syntaxes of the field table, each with values that match and near-misses that
/// do not. The rule examples of invalid-field-value show a few in whole responses.
@Suite struct ValueSyntaxTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let field: String
        let value: String
        let isValid: Bool
        var testDescription: String { "\(field): \(value) \(isValid ? "matches" : "does not match")" }
    }

    static func valid(_ field: String, _ values: String...) -> [Case] { values.map { Case(field: field, value: $0, isValid: true) } }
    static func invalid(_ field: String, _ values: String...) -> [Case] { values.map { Case(field: field, value: $0, isValid: false) } }

    static let cases: [Case] =
        valid("Trailer", "Server-Timing", "a, b,,c", "X-Checksum ,  Content-Digest")
        + invalid("Trailer", "Server Timing", "a; b", "\"quoted\"")
        + valid("Access-Control-Allow-Methods", "GET, POST, *", "PATCH")
        + invalid("Access-Control-Allow-Methods", "GET POST", "GET;POST")
        + valid("TTL", "0", "2419200")
        + invalid("TTL", "-1", "1.5", "10, 20", "1e3")
        + valid("Sunset", "Sun, 31 Dec 2028 23:59:59 GMT", "Sunday, 06-Nov-94 08:49:37 GMT")
        + invalid("Sunset", "2028-12-31", "Sat, 31 Dec 2028 23:59:59 UTC")
        + valid("Content-Base", "http://example.com/a/", "urn:isbn:0451450523")
        + invalid("Content-Base", "/relative/path", "http://example.com/#top", "http://example.com/a b")
        + valid("Lock-Token", "<opaquelocktoken:e71d4fae-5dec-22d6-fea5-00a0c91e6be4>", "<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>")
        + invalid("Lock-Token", "opaquelocktoken:e71d4fae", "<relative>", "<urn:uuid:f81d4fae")
        + valid("DAV", "1", "1, 2, 3, access-control, <http://apache.org/dav/propset/fs/1>", "1,2,<http://example.com/a,b>")
        + invalid("DAV", "1 2", "<not a uri>")
        + valid("Accept-Patch", "application/json-patch+json", "text/example;charset=utf-8, application/merge-patch+json",
                "text/plain; charset = \"utf-8\"")
        + invalid("Accept-Patch", "json", "text/", "text/plain;charset", "text/plain charset=utf-8")
        + valid("Accept-Post", "text/turtle, application/ld+json; profile=\"http://www.w3.org/ns/json-ld#compacted\", */*")
        + invalid("Accept-Post", "turtle")
        + valid("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        + invalid("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo", "s3pPLMBiTxaQ9kYGzzhZRbK-xOo=", "dGhlIHNhbXBsZSBub25jZQ==")
        + valid("Content-MD5", "Q2hlY2sgSW50ZWdyaXR5IQ==")
        + invalid("Content-MD5", "Q2hlY2sgSW50ZWdyaXR5IQ", "0123456789abcdef0123456789abcdef")
        + valid("Replay-Nonce", "oFvnlFP1wIhRlYS2jTaXbA", "a-b_c")
        + invalid("Replay-Nonce", "oFvnlFP1wIhRlYS2jTaXbA==", "a+b/c")
        + valid("DPoP-Nonce", "eyJ7S_zG.eyJH0-Z.HX4w-7v", "!#$%&'()*+,-./:;<=>?@[]^_`{|}~")
        + invalid("DPoP-Nonce", "\"eyJ7S_zG\"", "a\\b", "a b")
        + valid("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\", \"executionContexts\"", "\"*\"")
        + invalid("Clear-Site-Data", "cache", "\"cache\" \"cookies\"", "\"cache")
        + valid("MIME-Version", "1.0", "1.0 (produced by MetaSend Vx.x)", "1.(comment)0")
        + invalid("MIME-Version", "1", "1.0.1", "v1.0", "1.0 (unclosed")
        + valid("NEL", "{\"report_to\": \"default\", \"max_age\": 31536000, \"include_subdomains\": true}",
                "{\"report_to\":\"a\",\"max_age\":0}, {\"report_to\":\"b\",\"max_age\":1}", "{\"a\": [1, 2.5e-3, null, \"\\u00e9\"]}")
        + invalid("NEL", "[{\"report_to\": \"default\"}]", "{report_to: \"default\"}", "{\"a\": 01}", "{\"a\": 1", "\"text\"")
        + valid("Timing-Allow-Origin", "*", "null", "https://example.com", "http://localhost:8080", "https://[::1]:8443")
        + invalid("Timing-Allow-Origin", "https://example.com/", "example.com", "https://example.com/path", "https://exa mple.com",
                  "https://example.com:port")
        + valid("Authentication-Info", "nextnonce=\"8f2c\", qop=auth, rspauth=\"6629fae49393a05397450978507c4ef1\"", "a = b")
        + invalid("Authentication-Info", "nextnonce", "qop=\"auth", "a=b c")
        + valid("Preference-Applied", "return=minimal", "respond-async, wait=100", "handling=\"lenient\"")
        + invalid("Preference-Applied", "return=", "return minimal")
        + valid("Expect-CT", "max-age=86400, enforce, report-uri=\"https://example.com/report\"")
        + invalid("Expect-CT", "max-age=86400; enforce")
        + valid("TCN", "choice", "list, re-choose", "x-ext=\"value\"")
        + invalid("TCN", "list choice")
        + valid("Public-Key-Pins", "pin-sha256=\"d6qzRu9zOECb90Uez27xWltNsj0e1Md7GkYYkVoZWmM=\"; max-age=5184000; includeSubDomains",
                "max-age=0;")
        + invalid("Public-Key-Pins", "pin-sha256=\"abc\" max-age=10", "max-age=10, includeSubDomains")
        + valid("Server-Timing", "miss, db;dur=53, app;dur=47.2", "cache;desc=\"Cache Read\";dur=23.2", "total;dur=123.4",
                "cdn-cache; desc = HIT")
        + invalid("Server-Timing", "db;dur", "db dur=53", "db;dur=\"53")
        + valid("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits", "permessage-deflate; server_max_window_bits=10, x-ext")
        + invalid("Sec-WebSocket-Extensions", "permessage-deflate client_max_window_bits", "; x")
        + valid("Sec-WebSocket-Protocol", "chat", "v1.stomp")
        + invalid("Sec-WebSocket-Protocol", "chat, superchat", "chat superchat")
        + valid("Sec-WebSocket-Version", "13", "13, 8, 7", "0", "255")
        + invalid("Sec-WebSocket-Version", "013", "256", "13.0", "thirteen")
        + valid("Warning", "110 - \"Response is Stale\"", "199 cache.example.com:8080 \"Miscellaneous\" \"Sat, 21 Nov 2026 10:00:00 GMT\"")
        + invalid("Warning", "110 Response is Stale", "1100 - \"x\"", "110 - \"x\" \"yesterday\"")
        + valid("Digest", "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=, MD5=HUXZLQLMuI/KZ5KDcJPcOA==")
        + invalid("Digest", "SHA-256", "SHA-256=\"abc\"")
        + valid("Public", "OPTIONS, GET, HEAD, PROPFIND")
        + invalid("Public", "GET HEAD")
        + valid("P3P", "CP=\"IDC DSP COR ADM DEVi TAIi PSA PSD IVAi IVDi CONi HIS OUR IND CNT\"",
                "policyref=\"/w3c/p3p.xml\", CP=\"This is not a P3P policy!\"")
        + invalid("P3P", "CP=IDC DSP COR", "CP=\"IDC")
        + valid("X-DNS-Prefetch-Control", "off", "On")
        + invalid("X-DNS-Prefetch-Control", "no", "off, on")
        + valid("X-Download-Options", "noopen")
        + invalid("X-Download-Options", "noopen; nosniff")
        + valid("X-Permitted-Cross-Domain-Policies", "none", "master-only", "none-this-response")
        + invalid("X-Permitted-Cross-Domain-Policies", "deny", "by-content-only")

    @Test(arguments: cases)
    func syntax(_ case: Case) throws {
        let definition = try #require(FieldDefinition.lookup(`case`.field))
        let syntax = try #require(definition.valueSyntax)
        let problems = syntax.problems(in: `case`.value, name: definition.name, structuredType: definition.structuredType)
        // The bytes of the value in a slice that does not start at 0 read the same.
        let padded = Array("x,\"".utf8) + Array(`case`.value.utf8)
        #expect(syntax.problems(inValueBytes: padded[3...], name: { definition.name }, structuredType: definition.structuredType) == problems)
        if `case`.isValid {
            #expect(problems.isEmpty, "\(problems)")
        } else {
            #expect(!problems.isEmpty)
        }
    }

    /// The parameter name appears in the messages as written (it is made only for a message).
    @Test func parameterMessagesNameTheParameter() throws {
        let definition = try #require(FieldDefinition.lookup("Authentication-Info"))
        let syntax = try #require(definition.valueSyntax)
        #expect(syntax.problems(in: "NextNonce, qop=auth", name: "Authentication-Info")
            == ["Authentication-Info member 'NextNonce' is not a parameter (name=value): 'NextNonce' has no '=value'"])
        #expect(syntax.problems(in: "Rsp-Auth=\"6629", name: "Authentication-Info")
            == ["Authentication-Info member 'Rsp-Auth=\"6629' is not a parameter (name=value): the quoted value of 'Rsp-Auth' is not closed, or holds a control character"])
        #expect(syntax.problems(in: "qop = @", name: "Authentication-Info")
            == ["Authentication-Info member 'qop = @' is not a parameter (name=value): the value of 'qop' is neither a token nor a quoted string (found '@' (0x40) at character 7)"])
        #expect(syntax.problems(in: "=x", name: "Authentication-Info")
            == ["Authentication-Info member '=x' is not a parameter (name=value): expected a name, found '=' (0x3D) at character 1"])
    }

    /// The members of structured fields; values that do not parse are not reported here.
    static let structuredCases: [Case] =
        valid("Priority", "u=0", "u=7, i", "i=?0", "u=3, x=whatever", "")
        + invalid("Priority", "u=8", "u=-1", "u=1.5", "i=1", "u=\"3\"")
        + valid("Priority", "U=9")  // does not parse: invalid-structured-field's
        + valid("Cache-Status", "ExampleCache; hit", "\"Example CDN\"; fwd=uri-miss; fwd-status=304; stored; collapsed=?0; key=\"k\"; detail=x",
                "ExampleCache; hit; ttl=-412")
        + invalid("Cache-Status", "ExampleCache; hit=1", "ExampleCache; fwd=\"miss\"", "ExampleCache; ttl=1.5", "(a b); hit", "42; hit")
        + valid("Proxy-Status", "revproxy1.example.net, ExampleCDN", "ExampleCDN; error=connection_refused; next-hop=\"backend:8080\"",
                "Proxy; next-protocol=h2; received-status=503; details=\"timed out\"", "Proxy; next-protocol=:aDI=:")
        + invalid("Proxy-Status", "Proxy; error=\"connection_refused\"", "Proxy; received-status=\"503\"", "Proxy; details=timeout")
        + valid("Content-Digest", "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, sha-512=:YQ==:")
        + invalid("Content-Digest", "sha-256=\"X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\"", "sha-256")
        + valid("Want-Repr-Digest", "sha-256=10, sha-512=3, md5=0")
        + invalid("Want-Repr-Digest", "sha-256=11", "sha-256=?1")
        + valid("Signature", "sig1=:P0wLUszWQjoi54udOtydf9IWTfNhy+r53jGFj9XZuP4=:")
        + invalid("Signature", "sig1=\"P0wLUszWQjoi\"")
        + valid("Signature-Input", "sig1=(\"@method\" \"@authority\");created=1618884475;keyid=\"test-key-rsa-pss\"")
        + invalid("Signature-Input", "sig1=(method)", "sig1=(\"@method\");created=\"1618884475\"", "sig1=\"@method\"")
        + valid("Accept-CH", "Sec-CH-UA-Model, Sec-CH-Viewport-Width", "")
        + invalid("Accept-CH", "\"Sec-CH-UA-Model\"")
        + valid("Deprecation", "@1688169599")
        + invalid("Deprecation", "true", "1688169599", "?1")
        + valid("Origin-Agent-Cluster", "?1", "?0")
        + invalid("Origin-Agent-Cluster", "1", "true")
        + valid("Capsule-Protocol", "?1", "?1;x=y")
        + invalid("Capsule-Protocol", "1")
        + valid("Use-As-Dictionary", "match=\"/product/*\", match-dest=(\"document\" \"frame\"), id=\"dictionary-12345\", type=raw")
        + invalid("Use-As-Dictionary", "match=product", "match=\"/p\", match-dest=\"document\"", "id=\"x\"", "match=\"/p\", type=\"raw\"")
        + valid("Reporting-Endpoints", "default=\"https://example.com/reports\", csp=\"/csp\"")
        + invalid("Reporting-Endpoints", "default=https")
        + valid("Supports-Loading-Mode", "credentialed-prerender", "credentialed-prerender, prerender-cross-origin-frames")
        + invalid("Supports-Loading-Mode", "\"credentialed-prerender\"")
        + valid("Integrity-Policy", "blocked-destinations=(script), endpoints=(integrity-endpoint)", "sources=(inline)")
        + invalid("Integrity-Policy", "blocked-destinations=script", "endpoints=(\"integrity-endpoint\")")
        + valid("Cache-Groups", "\"scripts\", \"styles\"")
        + invalid("Cache-Groups", "scripts")

    @Test(arguments: structuredCases)
    func structuredMembers(_ case: Case) throws {
        try syntax(`case`)
    }

    /// Every value syntax in the table belongs to a field a response can carry, and a
    /// structured element to a structured field.
    @Test func tableEntriesAreConsistent() {
        for definition in FieldDefinition.all {
            guard let syntax = definition.valueSyntax else { continue }
            #expect(definition.direction != .request, "\(definition.name): a value syntax for a request-only field is never checked")
            if case .structured = syntax.element {
                #expect(definition.structuredType != nil, "\(definition.name) has structured members but no structured type")
            } else {
                #expect(definition.structuredType == nil, "\(definition.name) is structured but has a plain value syntax")
            }
        }
    }
}
