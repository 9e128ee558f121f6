import Foundation
import HTTPLint
import Testing

@Suite struct ReporterTests {
    func report(_ text: String, name: String = "r.http") -> InputReport {
        InputReport(name: name, outcome: .linted(Linter().lint(SourceText(name: name, text: text))))
    }

    @Test func textFindingHasLocationExcerptCaretFixAndSpec() {
        let output = TextReporter().render(report("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "r.http:1:10: error: 405 Method Not Allowed response has no Allow field listing the supported methods [method-not-allowed-without-allow]")
        #expect(lines[1] == "    1 | HTTP/1.1 405 Method Not Allowed")
        #expect(lines[2] == "      |          ^~~")
        #expect(lines[3].contains("fix: Send Allow"))
        #expect(lines[4].contains("spec: RFC 9110 §15.5.6 <https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6>"))
    }

    @Test func controlBytesAreEscapedAndTheCaretStaysUnderThem() {
        let output = TextReporter().render(report("HTTP/1.1 200 OK\r\nX-Bad: a\u{0}b\r\nContent-Length: 0\r\n\r\n"))
        #expect(output.contains("    2 | X-Bad: a\\x00b\n"))
        #expect(output.contains("      |         ^~~~\n"))
        #expect(!output.utf8.contains(0))
    }

    @Test func longLinesAreCutAroundTheSpan() {
        let value = String(repeating: "a", count: 5000) + "\u{0}" + String(repeating: "b", count: 5000)
        let output = TextReporter().render(report("HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nX-Long: \(value)\r\nContent-Length: 0\r\n\r\n"))
        let lines = output.split(separator: "\n").map(String.init)
        // 160 columns: 60 of lead, 4 for the escaped NUL, 96 after it.
        #expect(lines[1] == "    3 | …" + String(repeating: "a", count: 60) + "\\x00" + String(repeating: "b", count: 96) + "…")
        #expect(lines[2] == "      | " + String(repeating: " ", count: 61) + "^~~~")
    }

    /// The window is counted in display columns: a line of bytes each shown as `\xNN` (four
    /// columns) is cut as short as a line of letters, not four times as wide.
    @Test func longLinesOfEscapedBytesAreCutByDisplayWidth() throws {
        let garbage = (0..<3000).map { UInt8(0x80 + $0 % 0x40) }
        let output = TextReporter().render(InputReport(name: "g.bin", outcome: .linted(Linter().lint(SourceText(name: "g.bin", bytes: garbage)))))
        let lines = output.split(separator: "\n").map(String.init)
        let excerpt = try #require(lines.first { $0.hasPrefix("    1 | ") })
        #expect(excerpt.hasSuffix("…"))
        let shown = excerpt.dropFirst("    1 | ".count).dropLast()
        #expect(shown.count <= 160 && shown.count > 160 - 4)
        #expect(shown.hasPrefix("\\x80\\x81"))
        let caret = try #require(lines.first { $0.hasPrefix("      | ") })
        #expect(caret == "      | ^" + String(repeating: "~", count: shown.count - 1))
    }

    @Test func spanAfterEscapedBytesKeepsItsLeadWithinTheWindow() throws {
        // 200 bytes of obs-text (each shown as \x80) and a NUL, the byte a finding points at.
        let head = Array("HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nX: ".utf8)
        let bytes = head + [UInt8](repeating: 0x80, count: 200) + [0] + Array("\r\nContent-Length: 0\r\n\r\n".utf8)
        let output = TextReporter().render(InputReport(name: "r.http", outcome: .linted(Linter().lint(SourceText(name: "r.http", bytes: bytes)))))
        let lines = output.split(separator: "\n").map(String.init)
        // 15 bytes shown as \x80 (the 60 columns of lead) before the \x00.
        let excerpt = try #require(lines.firstIndex { $0.hasSuffix("\\x00") })
        #expect(lines[excerpt] == "    3 | …" + String(repeating: "\\x80", count: 15) + "\\x00")
        #expect(lines[excerpt + 1] == "      | " + String(repeating: " ", count: 61) + "^~~~")
    }

    @Test func colourOnlyWhenAsked() {
        let input = report("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n")
        #expect(!TextReporter(useColor: false).render(input).contains("\u{1B}["))
        #expect(TextReporter(useColor: true).render(input).contains("\u{1B}[1;31merror:"))
    }

    @Test func summaryCountsInputsResponsesAndSeverities() {
        let reports = [report("HTTP/1.1 302 Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n\r\n"),
                       InputReport(name: "gone", outcome: .failed("cannot read 'gone': no such file"))]
        #expect(TextReporter().summary(RunSummary(reports))
                == "httplint: 2 inputs (1 could not be read), 1 response: 1 error, 0 warnings, 1 info\n")
        #expect(TextReporter().summary(RunSummary([report("HTTP/1.1 204 No Content\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\n\r\n")]))
                == "httplint: 1 input, 1 response: no problems found\n")
    }

    @Test func jsonHasTheDocumentedSchema() throws {
        let reports = [report("HTTP/1.1 401 Unauthorized\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nX: \"q\\\r\nContent-Length: 0\r\n\r\n", name: "a\"b.http"),
                       InputReport(name: "missing.http", outcome: .failed("cannot read 'missing.http': no such file"))]
        let data = Data(JSONReporter().finish(reports).utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        let inputs = try #require(document["inputs"] as? [[String: Any]])
        #expect(inputs.count == 2)
        #expect(inputs[1]["error"] as? String == "cannot read 'missing.http': no such file")
        let findings = try #require(document["findings"] as? [[String: Any]])
        let finding = try #require(findings.first)
        #expect(finding["path"] as? String == "a\"b.http")
        #expect(finding["rule"] as? String == "unauthorized-without-www-authenticate")
        #expect(finding["status"] as? Int == 401)
        #expect(finding["exchange"] as? Int == 0)
        #expect(finding["line"] as? Int == 1 && finding["column"] as? Int == 10)
        #expect(finding["offset"] as? Int == 9 && finding["length"] as? Int == 3)
        #expect(finding["spec"] as? String == "RFC 9110 §15.5.2")
        for key in ["severity", "message", "specURL", "fix"] { #expect(finding[key] is String, "\(key)") }
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["inputs": 2, "unreadable": 1, "responses": 1, "errors": 1, "warnings": 0, "info": 0])
    }
}
