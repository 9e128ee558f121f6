import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// Field rules that read values as bytes for speed (issue 25) read the same as the text
/// reading they replaced: the byte readers are compared with the text ones on many values
/// built from the pieces that matter (separators, whitespace, quotes, case).
@Suite struct FieldRuleSpeedTests {
    /// A small deterministic generator (xorshift), so failures repeat.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
    }

    /// `count` values of up to `length` pieces each, from `pieces`.
    static func values(from pieces: [String], count: Int = 4000, length: Int = 9, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [String] {
        var generator = Generator(state: seed)
        var values: [String] = []
        for _ in 0..<count {
            var value = ""
            for _ in 0..<generator.next(length + 1) { value += pieces[generator.next(pieces.count)] }
            values.append(value)
        }
        return values
    }

    static let stsPieces = [
        "max-age", "MAX-Age", "preload", "Preload", "includeSubDomains", "INCLUDESUBDOMAINS", "=", "=", ";", ";", " ", "\t",
        "\"", "1", "60", "31536000", "1234567890123456", "x", "true", "\"2\"",
    ]

    @Test func preloadDirectivesReadAsBytesEqualTheTextReading() {
        for value in Self.values(from: Self.stsPieces) {
            let bytes = ArraySlice(Array(value.utf8))
            #expect(HSTSPreloadNotEligible.directives(ofASCII: bytes) == HSTSPreloadNotEligible.directives(of: value), "\(value)")
        }
    }

    @Test func valuedDirectivesReadAsBytesEqualTheTextReading() {
        for value in Self.values(from: Self.stsPieces) {
            let response = "HTTP/1.1 200 OK\r\nStrict-Transport-Security: \(value)\r\nContent-Length: 0\r\n\r\n"
            // The field value as the parser reads it (without surrounding whitespace).
            let trimmed = String(value.trimmingWhitespace())
            let expected = HSTSDirectiveWithValue.valuedDirectives(of: trimmed).map { HSTSDirectiveWithValue.message(name: $0.name, value: $0.value) }
            #expect(findings(of: HSTSDirectiveWithValue.self, in: response).map(\.message) == expected, "\(value)")
        }
    }

    @Test func stsValuesWithOtherBytesAreReadAsText() {
        // U+0301 joins the `;` before it into one Character: the text reading does not split
        // there, and neither does the rule.
        let value = "max-age=60;\u{301}preload=yes; includeSubDomains=1"
        let response = "HTTP/1.1 200 OK\r\nStrict-Transport-Security: \(value)\r\nContent-Length: 0\r\n\r\n"
        #expect(findings(of: HSTSDirectiveWithValue.self, in: response).map(\.message)
            == ["Strict-Transport-Security includeSubDomains takes no value (got '1'); browsers may ignore it or the whole field"])
        // `preload;\u{301}x` is one directive, not preload: nothing to report.
        let preload = "HTTP/1.1 200 OK\r\nStrict-Transport-Security: max-age=60; preload;\u{301}x\r\nContent-Length: 0\r\n\r\n"
        #expect(findings(of: HSTSPreloadNotEligible.self, in: preload).isEmpty)
        // max-age=60;\u{301}preload is one max-age whose value is not a number.
        #expect(HSTSPreloadNotEligible.directives(of: "max-age=60;\u{301}preload; preload").maxAge == nil)
    }

    @Test func serverValuesJudgedInPlaceAreThoseTheScannerAccepts() {
        let pieces = ["nginx", "Apache", "/", "/", "1.2", " ", " ", "\t", "(", ")", "(Ubuntu)", "\\", ",", "x;y", "\u{E9}", "\"", ""]
        var plain = 0
        for value in Self.values(from: pieces, count: 6000) {
            let bytes = Array(value.utf8)
            if InvalidServer.isPlainlyValid(ArraySlice(bytes)) {
                plain += 1
                #expect(InvalidServer.problem(in: bytes) == nil, "\(value)")
            }
        }
        #expect(plain > 200)
        #expect(InvalidServer.isPlainlyValid(ArraySlice("nginx/1.25 (Ubuntu) OpenSSL/3.0\tx".utf8)))
        for invalid in ["", "(a)", "a/", "a/b/c", "a(b)", "a (b", "a (b(c))", "a \\b", "a (\u{E9})", "a ,"] {
            #expect(!InvalidServer.isPlainlyValid(ArraySlice(invalid.utf8)), "\(invalid)")
        }
    }

    @Test func containsIgnoresASCIICaseOnly() {
        #expect(ByteParsing.contains(ArraySlice("gzip, IDENTITY".utf8), lowercase: "identity"))
        #expect(ByteParsing.contains(ArraySlice("identity".utf8), lowercase: "identity"))
        #expect(ByteParsing.contains(ArraySlice("xidentit".utf8), lowercase: "identity") == false)
        #expect(ByteParsing.contains(ArraySlice("idd".utf8), lowercase: "dd"))
        #expect(ByteParsing.contains(ArraySlice("".utf8), lowercase: "dur") == false)
        #expect(ByteParsing.contains(ArraySlice("cache;DuR=1".utf8), lowercase: "dur"))
        #expect(ByteParsing.equals(ArraySlice("PreLoad".utf8), lowercase: "preload"))
        #expect(!ByteParsing.equals(ArraySlice("preloa".utf8), lowercase: "preload"))
    }

    @Test func identityTransferCodingAndServerTimingStillReport() {
        let te = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip ; q=1, IDENTITY ;x=1\r\nContent-Length: 0\r\n\r\n"
        #expect(findings(of: IdentityTransferCoding.self, in: te).count == 1)
        let timing = "HTTP/1.1 200 OK\r\nServer-Timing: db;DUR=abc, app;dur=1\r\nContent-Length: 0\r\n\r\n"
        #expect(findings(of: ServerTimingBadDuration.self, in: timing).count == 1)
    }

    @Test func deprecatedMediaTypePairsAreTheTable() {
        #expect(DeprecatedMediaType.pairs.count == DeprecatedMediaType.table.count)
        for (key, entry) in DeprecatedMediaType.table {
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            let found = DeprecatedMediaType.entry(type: parts[0], subtype: parts[1])
            #expect(found?.use == entry.use && found?.why == entry.why, "\(key)")
        }
        for (type, subtype) in [("application", "json"), ("text", "html"), ("image", "jpeg"), ("text", "javascript"), ("json", "text")] {
            #expect(DeprecatedMediaType.entry(type: type, subtype: subtype) == nil, "\(type)/\(subtype)")
        }
    }

    @Test func emptyListElementChecksTheSameFields() {
        for definition in FieldDefinition.all {
            let expected = definition.cardinality == .list && definition.structuredType == nil && definition.direction != .request
                && !EmptyListElement.skipped.contains(definition.name.asciiLowercased())
            let response = "HTTP/1.1 200 OK\r\n\(definition.name): a, , b\r\nContent-Length: 0\r\n\r\n"
            let found = findings(of: EmptyListElement.self, in: response).contains { $0.message.hasPrefix("\(definition.name) has") }
            #expect(found == expected, "\(definition.name)")
        }
    }

    /// The messages `rule` reports for one `name: value` field line.
    static func messages<R: Rule>(_ rule: R.Type, _ name: String, _ value: String) -> [String] {
        findings(of: rule, in: "HTTP/1.1 200 OK\r\n\(name): \(value)\r\nContent-Length: 0\r\n\r\n").map(\.message)
    }

    @Test func allowOriginReadOnBytesReportsAsTheText() {
        // Each value: the rule's messages equal those of the text reading it replaced.
        let values = ["https://example.com", "*", "null", "NULL", "https://Example.com", "https://example.com/", "https://example.com:443",
                      "a, b", "https://\u{E9}.example", "https://x.example:8080", "", "ftp://x", "https://example.com\u{301}"]
        for value in values {
            var expected: [String] = []
            if !value.utf8.contains(where: { $0 == 0x2C || $0 == 0x20 || $0 == 0x09 }), value != "*", value != "null",
               let problem = InvalidCORSAllowOrigin.problem(with: value) {
                expected = ["Access-Control-Allow-Origin '\(Printable.escape(value))' \(problem), so it never equals a request's Origin and browsers block the response"]
            }
            #expect(Self.messages(InvalidCORSAllowOrigin.self, "Access-Control-Allow-Origin", value) == expected, "\(value)")
        }
    }

    @Test func cacheControlSecondsReadOnBytes() {
        #expect(Self.messages(InvalidCacheControl.self, "Cache-Control", "max-age=60, s-maxage=0").isEmpty)
        #expect(Self.messages(InvalidCacheControl.self, "Cache-Control", "max-age=\"60\"")
            == ["Cache-Control max-age=\"60\" is quoted; send the number bare, as max-age=60"])
        #expect(Self.messages(InvalidCacheControl.self, "Cache-Control", "max-age=6\u{0663}")
            == ["Cache-Control max-age=6\u{0663} is not a number of seconds"])
        #expect(Self.messages(InvalidCacheControl.self, "Cache-Control", "max-age=, MAX-AGE=1, no-store, no-store=1")
            == ["Cache-Control max-age needs a number of seconds",
                "Cache-Control directive max-age appears more than once; caches may then treat the response as stale",
                "Cache-Control directive no-store appears more than once; caches may then treat the response as stale",
                "Cache-Control no-store takes no value (got '1')"])
    }

    @Test func altSvcReadingKeepsItsFindings() {
        #expect(Self.messages(InvalidAltSvc.self, "Alt-Svc", "h3=\":443\"; ma=86400, h3-29=\":443\"").isEmpty)
        #expect(Self.messages(InvalidAltSvc.self, "Alt-Svc", "h%2a=\"ex ample:443\"; ma=x").count == 3)
        #expect(Self.messages(InvalidAltSvc.self, "Alt-Svc", "h3=\"a^b.example:443\"").count == 1)
    }

    @Test func emptyListElementJudgedOnReceivedBytes() {
        let pieces = [",", ",", " ", "\t", "\r", "\"", "\\", "a", "b", "\n", "\r\n "]
        var judged = 0
        for value in Self.values(from: pieces, count: 6000) {
            let raw = Array(value.utf8)
            let result = EmptyListElement.hasEmptyElement(receivedBytes: raw[...])
            if raw.contains(0x0A) {
                #expect(result == nil, "\(value.debugDescription)")
                continue
            }
            judged += 1
            // Without a LF the value a recipient reads is the bytes with each CR a space.
            let read = raw.map { $0 == 0x0D ? UInt8(0x20) : $0 }
            #expect(result == EmptyListElement.hasEmptyElement(read[...]), "\(value.debugDescription)")
        }
        #expect(judged > 1000)
    }

    @Test func emptyListElementReportsFoldedAndBareCRValues() {
        let folded = "HTTP/1.1 200 OK\r\nVary: a,\r\n , b\r\nContent-Length: 0\r\n\r\n"
        #expect(findings(of: EmptyListElement.self, in: folded).count == 1)
        let bareCR = "HTTP/1.1 200 OK\r\nVary: a,\r, b\r\nContent-Length: 0\r\n\r\n"
        #expect(findings(of: EmptyListElement.self, in: bareCR).count == 1)
        let quoted = "HTTP/1.1 200 OK\r\nCache-Control: private=\"a,,b\", max-age=1\r\nContent-Length: 0\r\n\r\n"
        #expect(findings(of: EmptyListElement.self, in: quoted).isEmpty)
    }

    @Test func needlessQuotedPairStillReads() {
        #expect(Self.messages(NeedlessQuotedPair.self, "Cache-Control", "private=\"\\a\"").count == 1)
        #expect(Self.messages(NeedlessQuotedPair.self, "Cache-Control", "private=\"\\\"\"").isEmpty)
    }

    @Test func serverTimingValuesPassedOverHaveNoFindings() {
        let pieces = ["db", "dur", "DUR", "Dur", "=", "=", " ", ";", ";", ",", "\"", "\\", "1", "0.5", ".5", "+", "-", ".", "x",
                      "desc", "duration", "\u{E9}"]
        var passed = 0
        for value in Self.values(from: pieces, count: 8000) {
            let bytes = Array(value.utf8)
            if ServerTimingBadDuration.everyDurStartsWithNumber(bytes[...]) {
                passed += 1
                #expect(ServerTimingBadDuration.messages(scanning: bytes).isEmpty, "\(value)")
            }
        }
        #expect(passed > 1000)
        #expect(ServerTimingBadDuration.everyDurStartsWithNumber(ArraySlice("db;dur=53, app;DUR = \"-.5\";desc=\"x\"".utf8)))
        #expect(!ServerTimingBadDuration.everyDurStartsWithNumber(ArraySlice("db;desc=duration".utf8)))
        #expect(Self.messages(ServerTimingBadDuration.self, "Server-Timing", "db;dur=abc, app;dur=1, c;dur")
            == ["Server-Timing metric db has dur=abc, which is no number, so its duration counts as 0",
                "Server-Timing metric c has dur=\"\", which is no number, so its duration counts as 0"])
    }

    @Test func cspPoliciesReadInPlaceEqualTheTextReading() {
        let values: [[UInt8]] = [
            Array("default-src 'self'; script-src https://a.example 'nonce-x', img-src *".utf8),
            Array("default-src 'self' caf\u{E9}.example; object-src 'none'".utf8),
            [0x73, 0x63, 0x72, 0x69, 0x70, 0x74, 0x2D, 0x73, 0x72, 0x63, 0x20, 0xFF, 0x3B, 0x20, 0x62, 0x61, 0x73, 0x65, 0x2D, 0x75, 0x72, 0x69, 0x20, 0x27, 0x73, 0x27],
            Array(";; ,\"a;b\" c, d\te\u{0C}f".utf8),
        ]
        for value in values {
            let head = Array("HTTP/1.1 200 OK\r\nContent-Security-Policy: ".utf8)
            let tail = Array("\r\nContent-Length: 0\r\n\r\n".utf8)
            let exchange = ResponseParser.parse(SourceText(name: "t", bytes: head + value + tail))[0]
            let response = exchange.response
            let read = ContentSecurityPolicy.policies(in: response).map { $0.directives.map { [$0.name, $0.writtenName] + $0.values } }
            let field = response.fields.first(named: "Content-Security-Policy")!
            let expected = field.listElements.map { ContentSecurityPolicy.directives(of: $0).map { [$0.name, $0.writtenName] + $0.values } }
            #expect(read == expected, "\(value)")
        }
    }

    @Test func utf8CharsetLabelIsInNoTable() {
        // The charset rules pass over utf-8 (any case) without reading it as text: it must be a
        // label none of them reports.
        #expect(EncodingLabels.remapped[EncodingLabels.normalized("utf-8")] == nil)
        #expect(!EncodingLabels.replacement.contains(EncodingLabels.normalized("UTF-8")))
        for spelling in ["utf-8", "UTF-8", "Utf-8"] {
            #expect(CharsetNames.registeredSpelling(of: spelling) == nil)
            #expect(EncodingLabels.isUTF8(Array(spelling.utf8)))
        }
        for other in [" utf-8", "utf8", "utf-8 ", "latin1", ""] {
            #expect(!EncodingLabels.isUTF8(Array(other.utf8)), "\(other)")
        }
        #expect(!EncodingLabels.isUTF8(nil))
        #expect(Self.messages(UnregisteredCharset.self, "Content-Type", "text/html; charset=utf8")
            == ["charset 'utf8' is not a registered charset name; the registered name is UTF-8"])
        #expect(Self.messages(CharsetReplacementEncoding.self, "Content-Type", "text/html; charset=\"ISO-2022-KR\"").count == 1)
    }

    @Test func allowOriginNullComparedAsBytes() {
        #expect(Self.messages(CORSAllowOriginNull.self, "Access-Control-Allow-Origin", "null").count == 1)
        #expect(Self.messages(CORSAllowOriginNull.self, "Access-Control-Allow-Origin", "Null").isEmpty)
        #expect(Self.messages(CORSAllowOriginNull.self, "Access-Control-Allow-Origin", "null\u{301}").isEmpty)
    }

    @Test func wideSeparatorsAreOnlyWhereTheBytesMayHoldThem() {
        let pieces = ["a", "b/1", " ", " ", "\t", "(", ")", "(x  y)", ",", "\\", "\r"]
        for value in Self.values(from: pieces, count: 6000) {
            let bytes = Array(value.utf8)
            // Without a CR the value read is the bytes themselves.
            guard !bytes.contains(0x0D) else { continue }
            for list in [false, true] where RequiredWhitespaceNotOneSpace.hasWideSeparator(bytes[...], listElements: list) {
                #expect(RequiredWhitespaceNotOneSpace.mayHaveWideSeparator(bytes[...]), "\(value.debugDescription)")
            }
        }
        #expect(Self.messages(RequiredWhitespaceNotOneSpace.self, "Server", "a\r b").count == 1)
    }

    @Test func altSvcValuesJudgedInPlaceHaveNoProblems() {
        let pieces = ["h3", "h2", "h3-29", "h%33", "clear", "=", "=", "\"", "\":443\"", "\"alt.example:443\"", "\"[::1]:1\"", ":", "a",
                      "1", ";", "; ", "ma", "MA", "persist", "=1", "=2", "=x", ",", ", ", " ", "\\"]
        var plain = 0
        for value in Self.values(from: pieces, count: 10000, length: 12) {
            if InvalidAltSvc.isPlainlyValid(ArraySlice(value.utf8)) {
                plain += 1
                #expect(InvalidAltSvc.problems(in: value).isEmpty, "\(value)")
            }
        }
        #expect(plain > 300)
        #expect(InvalidAltSvc.isPlainlyValid(ArraySlice("h3=\":443\"; ma=86400, h3-29=\"alt.example:443\";persist=1".utf8)))
        for other in ["clear", "h3=\"a:1:2\"", "h3=\":443\"; ma=\"1\"", "h3=\"[::1]:443\"", "h3=\":443\" ; ma = 1", "h%33=\":1\""] {
            #expect(!InvalidAltSvc.isPlainlyValid(ArraySlice(other.utf8)), "\(other)")
        }
    }

    @Test func needlessQuotedPairReadsEveryFieldItChecks() {
        for name in ["WWW-Authenticate", "Proxy-Authenticate", "Link", "Content-Type", "Cache-Control"] {
            let response = "HTTP/1.1 200 OK\r\n\(name): x\r\nContent-Length: 0\r\n\r\n"
            let field = ResponseParser.parse(SourceText(name: "t", text: response))[0].response.fields[0]
            #expect(NeedlessQuotedPair.readFields.contains(field), "\(name)")
        }
        #expect(Self.messages(NeedlessQuotedPair.self, "WWW-Authenticate", "Basic realm=\"a\\b\"").count == 1)
        #expect(Self.messages(NeedlessQuotedPair.self, "Link", "</a\\b>; rel=\"n\\ext\"").count == 1)
    }

    @Test func varyHostAndUserAgentStillFound() {
        #expect(Self.messages(VaryHost.self, "Vary", "Accept-Encoding, HOST").count == 1)
        #expect(Self.messages(VaryHost.self, "Vary", "X-Host, Hostname").isEmpty)
        #expect(Self.messages(VaryUserAgent.self, "Vary", "Origin,\r\n User-Agent").count == 1)
        #expect(Self.messages(VaryUserAgent.self, "Vary", "X-User-Agent").isEmpty)
    }
}
