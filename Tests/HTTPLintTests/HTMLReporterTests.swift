import HTTPLint
import Testing

@Suite struct HTMLReporterTests {
    func report(_ bytes: [UInt8], name: String = "r.http", request: String? = nil) -> InputReport {
        let requests = request.map { RequestParser.parse(SourceText(name: "r.req", text: $0)) } ?? []
        return InputReport(name: name, outcome: .linted(Linter().lint(SourceText(name: name, bytes: bytes), requests: requests)))
    }

    func report(_ text: String, name: String = "r.http", request: String? = nil) -> InputReport {
        report(Array(text.utf8), name: name, request: request)
    }

    /// A response whose every part tries to become markup, with control bytes, invalid UTF-8
    /// and a right-to-left override in it, answering a request that does the same.
    static let hostile: [UInt8] = Array("HTTP/1.1 200 <script>alert(1)</script>\r\n".utf8)
        + Array("X-<b>: <img src=x onerror=alert(2)> &amp; \\x00 ".utf8) + [0x00, 0x1B, 0xFF, 0xE2, 0x80, 0xAE] + Array("\r\n".utf8)
        + Array("Content-Length: 27\r\n\r\n</pre><!-- <script>x</script>".utf8)

    @Test func wireBytesNeverBecomeMarkup() throws {
        let html = HTMLReporter().finish([report(Self.hostile, name: "<i>name</i>.http",
                                                 request: "GET /<script>alert(3)</script> HTTP/1.1\r\nHost: a\u{0}b\r\n\r\n")])
        for hostile in ["<script>alert", "<img", "<b>", "<i>", "</pre><!--", "onerror=alert(2)>"] {
            #expect(!html.contains(hostile), "\(hostile) reached the page as markup")
        }
        #expect(html.contains("200 &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt; &amp;amp; \\x00 "))
        // The bytes themselves are escape markers set apart from the wire's own `\x00` text.
        #expect(html.contains("\\x00</span></mark><span class=\"esc\">\\x1B</span><span class=\"esc\">\\xFF</span><span class=\"esc\">\\xE2\\x80\\xAE</span>"))
        #expect(html.contains("<span class=\"esc eol\">\\r</span><span class=\"esc eol\">\\n</span>\n"))
        #expect(html.contains("&lt;i&gt;name&lt;/i&gt;.http"))
        #expect(!html.utf8.contains(0) && !html.utf8.contains(0x1B) && !html.unicodeScalars.contains("\u{202E}"))
        try Self.checkTags(html)
    }

    @Test func everyFindingIsListedAndHighlightedOnItsBytes() throws {
        let reports = [
            report(Self.hostile),
            report("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n", name: "405.http",
                   request: "POST /x HTTP/1.1\r\nHost: a\u{0}b\r\nContent-Length: 0\r\n\r\n"),
        ]
        let html = HTMLReporter().finish(reports)
        let findings = reports.flatMap(\.findings)
        #expect(findings.count > 3)
        for number in 1...findings.count {
            #expect(html.contains("<li class=\"finding sev-") && html.contains("id=\"f\(number)\""))
            #expect(html.contains(" id=\"m\(number)\""), "finding \(number) has no highlighted bytes")
        }
        #expect(!html.contains("id=\"f\(findings.count + 1)\""))
        let inRequest = reports.flatMap(LocatedFinding.all).filter { $0.request != nil }
        #expect(!inRequest.isEmpty)
        #expect(html.components(separatedBy: "<h5>Request").count - 1 == 1)
        #expect(html.matches(of: /id="r\d+"/).count == inRequest.count)
        // The rule's documentation is on the page, linked from the finding.
        #expect(html.contains("href=\"#rule-method-not-allowed-without-allow\""))
        #expect(html.contains("<section class=\"rule\" id=\"rule-method-not-allowed-without-allow\">"))
    }

    @Test func findingsOnTheSameBytesEachHaveAnAnchor() {
        let html = HTMLReporter().finish([report("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")])
        // Two findings start on the status code: the second has an anchor of its own before it.
        #expect(html.contains("<span class=\"anchor\" id=\"m2\"></span><mark class=\"sev-error\" data-f=\"1 2\" id=\"m1\" title=\"missing-date, unauthorized-without-www-authenticate\">401</mark>"))
    }

    @Test func anEmptySpanIsMarkedWhereItPoints() {
        // Content cut short: the finding points just past the last byte.
        let html = HTMLReporter().finish([report("HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 10\r\n\r\nabc")])
        #expect(html.contains("<span class=\"ln\" data-n=\"5\"></span>abc<mark class=\"point sev-error\" data-f=\"1\" id=\"m1\" title=\"truncated-content\"></mark></pre>"))
    }

    @Test func isSelfContained() throws {
        let html = HTMLReporter().finish([report(Self.hostile)])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.components(separatedBy: "<script").count == 2)
        for external in ["<link", " src=\"", "url(", "@import", "http://"] {
            #expect(!html.contains(external))
        }
    }

    @Test func cleanExchangesAreCollapsedAndFindingsOpen() {
        let html = HTMLReporter().finish([
            report("HTTP/1.1 204 No Content\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\n\r\n", name: "clean.http"),
            report("HTTP/1.1 302 Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n", name: "bad.http"),
        ])
        #expect(html.contains("<details class=\"exchange\" data-input=\"0\" data-status=\"204\" data-findings=\"\">"))
        #expect(html.contains("<details class=\"exchange worst-error\" data-input=\"1\" data-status=\"302\" data-findings=\"error:redirect-without-location\" open>"))
    }

    @Test func unreadableInputsAreListed() {
        let html = HTMLReporter().finish([InputReport(name: "gone.http", outcome: .failed("cannot read 'gone.http': <no such file>"))])
        #expect(html.contains("This input could not be read: cannot read &#39;gone.http&#39;: &lt;no such file&gt;"))
        #expect(html.contains("1 input (1 could not be read)"))
    }

    @Test func exchangesPastTheFirstPageStartFolded() {
        let stream = String(repeating: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", count: 5)
        let html = HTMLReporter(pageSize: 2).finish([report(stream)])
        #expect(html.contains("<details class=\"page\" id=\"page-1\" open><summary>Page 1 of 3: exchanges 1–2"))
        #expect(html.contains("<details class=\"page\" id=\"page-3\"><summary>Page 3 of 3: exchanges 5–5"))
    }

    @Test func longContentIsFoldedAndBinaryContentSummarisedAroundFindings() {
        let text = String(repeating: "line of text\n", count: 1000)
        let long = HTMLReporter().finish([report("HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Type: text/plain\r\nContent-Length: \(text.utf8.count)\r\n\r\n\(text)")])
        #expect(long.contains("<details class=\"fold\"><summary>\(13 * (1000 - 2048 / 13)) more bytes of content</summary>"))
        // Binary content with bytes after it that a finding points at.
        let binary = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }
        let bytes = Array("HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Type: image/png\r\nConnection: close\r\n\r\n".utf8) + binary
        let html = HTMLReporter().finish([report(bytes)])
        #expect(html.contains("Binary content, 5000 bytes, not shown"))
        #expect(!html.contains("<details class=\"fold\">"))
    }

    /// Every tag on the page (outside the style sheet and script) is one the reporter writes,
    /// and they nest properly.
    static func checkTags(_ html: String) throws {
        var rest = Substring(html)
        for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
            let start = try #require(rest.range(of: open)), end = try #require(rest.range(of: close))
            rest = rest[..<start.upperBound] + rest[end.lowerBound...]
        }
        let allowed: Set<String> = ["html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2", "h3", "h4", "h5",
                                    "p", "span", "main", "section", "div", "figure", "figcaption", "svg", "text", "tspan", "rect",
                                    "form", "fieldset", "legend", "label", "input", "select", "option", "kbd", "details",
                                    "summary", "code", "pre", "mark", "ol", "ul", "li", "strong", "script"]
        let void: Set<String> = ["meta", "input"]
        var stack: [String] = []
        var index = rest.startIndex
        while let lt = rest[index...].firstIndex(of: "<") {
            let tagEnd = try #require(rest[lt...].firstIndex(of: ">"))
            let tag = rest[rest.index(after: lt)..<tagEnd]
            index = rest.index(after: tagEnd)
            if tag.hasPrefix("!DOCTYPE") { continue }
            let closing = tag.hasPrefix("/")
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
            #expect(allowed.contains(name), "unexpected tag <\(tag)>")
            if void.contains(name) { continue }
            if closing {
                #expect(stack.popLast() == name, "</\(name)> closes something else")
            } else {
                stack.append(name)
            }
        }
        #expect(stack.isEmpty)
    }
}
