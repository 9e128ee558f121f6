import Foundation
import HTTPLint
import Testing

/// Nothing from the wire or a file name reaches a human-readable report raw (issue 26 item 1):
/// every C0 and C1 control, DEL, the bidirectional controls and invalid UTF-8, put in each place
/// a message can quote, come out escaped in every format.
@Suite struct OutputEscapingTests {
    /// C0 controls but CR and LF (which end a line on the wire), an OSC sequence that sets a
    /// terminal's title, DEL, C1 controls (as UTF-8), bidirectional controls and a zero-width
    /// space: valid UTF-8.
    static let hostile: [UInt8] = {
        var bytes: [UInt8] = Array(0x00...0x1F).filter { $0 != 0x0D && $0 != 0x0A }
        bytes += [0x1B] + Array("]0;pwned".utf8) + [0x07, 0x7F]
        for c1 in UInt8(0x80)...0x9F { bytes += [0xC2, c1] }
        for scalar in ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{200B}"] {
            bytes += Array(scalar.utf8)
        }
        return bytes
    }()

    /// The same and a byte that is not UTF-8.
    static let hostileBytes = hostile + [0xFF]

    /// The same as JSON string content, with CR and LF too (a HAR URL, a file name).
    static let hostileText = "\r\nforged.http:1:1: error: fake\n\u{1B}]0;pwned\u{07}\u{7F}\u{85}\u{9B}\u{202E}\u{2066}\u{200B}end"

    static func reports() -> [InputReport] {
        let date = Array("Date: Sat, 21 Nov 2026 10:00:00 GMT\r\n".utf8)
        let response: [UInt8] = Array("HTTP/1.1 401 ".utf8) + hostile + Array("\r\n".utf8) + date
            + Array("Cache-Control: max-age=".utf8) + hostile + Array("\r\n".utf8)
            + Array("Content-Type: text/".utf8) + hostileBytes + Array("\r\n".utf8)
            + Array("X-".utf8) + hostile + Array(": v\r\n".utf8)
            + Array("Content-Length: 0".utf8) + hostileBytes + Array("\r\n\r\n".utf8)
        let request: [UInt8] = Array("G".utf8) + hostile + Array(" /".utf8) + hostileBytes + Array(" HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        let name = "dir/" + hostileText + ".http"
        let linter = Linter(configuration: .init(profile: .all))
        let requests = RequestParser.parse(SourceText(name: name + ".req", bytes: request))
        let raw = linter.lintInput(named: name, bytes: response, kind: .raw, requests: requests)
        let url = hostileText.unicodeScalars.map { $0.value < 0x20 || $0.value >= 0x7F ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
        let har = Array("""
            {"log": {"version": "1.2", "entries": [{"request": {"method": "GET", "url": "https://a.example/\(url)", "headers": []},
             "response": {"status": 401, "statusText": "Unauthorized", "httpVersion": "HTTP/1.1", "headers": [], "content": {}}}]}}
            """.utf8)
        let entries = linter.lintInput(named: name.replacing(".http", with: ".har"), bytes: har, kind: .har)
        return raw + entries + [InputReport(name: name, outcome: .failed("cannot read '\(name)': no such file"))]
    }

    /// Scalars no human-readable report may carry: controls but LF (which the formats put
    /// there themselves), C1, format characters and the other hidden ones.
    func unsafe(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar != "\n") || (0x7F..<0xA0).contains(scalar.value) || Printable.isHidden(scalar)
        }.map { String(format: "U+%04X", $0.value) }
    }

    @Test func theInputsReallyQuoteTheHostileText() {
        let messages = Self.reports().flatMap(\.findings).map(\.message)
        #expect(messages.contains { $0.unicodeScalars.contains { SourceText.undecodedByte($0) == 0xFF } })
        // Without the escape at output, these messages would carry the bytes raw.
        #expect(messages.contains { $0.unicodeScalars.contains("\u{1B}") })
        #expect(messages.contains { $0.unicodeScalars.contains("\u{202E}") })
        #expect(Self.reports().contains { $0.part?.contains("\u{1B}") == true })
    }

    @Test(arguments: [OutputFormat.text, .github, .markdown, .junit, .checkstyle, .html])
    func humanReadableFormatsEscapeEverything(_ format: OutputFormat) {
        let reports = Self.reports()
        let reporter = format.reporter(failOn: .info)
        var output = reports.map(reporter.render).joined() + reporter.finish(reports)
        #expect(unsafe(output).isEmpty, "\(format): \(Set(unsafe(output)).sorted())")
        // A line break in a name or URL cannot forge a line of its own.
        #expect(!output.split(separator: "\n").contains { $0.hasPrefix("forged.http") }, "\(format)")
        // Markdown shows a backslash and a bracket as character references.
        if format == .markdown { output = output.replacing("&#92;", with: "\\").replacing("&#93;", with: "]") }
        #expect(output.contains("\\x1B]0;pwned\\x07"), "\(format): the escape shows as text")
        #expect(output.contains("\\u{202E}"), "\(format): the bidi control shows as text")
        // A byte that is not UTF-8 shows as the byte, not as a Latin-1 letter.
        #expect(output.contains("\\xFF") && !output.contains("ÿ"), "\(format)")
    }

    @Test func textShowsTheEscapesWhereTheMessageQuotesThem() {
        let text = Self.reports().map(TextReporter().render).joined()
        #expect(text.contains("dir/\\r\\nforged.http:1:1: error: fake\\n\\x1B]0;pwned\\x07\\x7F\\x85\\x9B\\u{202E}\\u{2066}\\u{200B}end.http:"))
        // Excerpts were escaped already; bidi controls in them now are too.
        #expect(!text.contains("\u{202E}"))
    }

    @Test(arguments: [OutputFormat.json, .jsonl, .sarif])
    func machineFormatsStayValidJSON(_ format: OutputFormat) throws {
        let reports = Self.reports()
        let reporter = format.reporter()
        let output = reports.map(reporter.render).joined() + reporter.finish(reports)
        let documents = format == .jsonl ? output.split(separator: "\n").map(String.init) : [output]
        for document in documents {
            #expect(try JSONSerialization.jsonObject(with: Data(document.utf8)) is [String: Any])
            #expect(!document.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "JSON escapes every control")
            #expect(!document.unicodeScalars.contains { SourceText.undecodedByte($0) != nil } && !document.contains("ÿ"),
                    "messages show a byte that is not UTF-8 as \\xFF")
        }
    }
}
