import Foundation
import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// Multipart content split at its delimiter lines (RFC 2046 §5.1.1), on the 206s nginx and
/// Apache httpd sent for two ranges (Samples/servers/*/range-multi.http).
@Suite struct MultipartReadingTests {
    static let servers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/servers")

    @Test(arguments: ["nginx", "apache2"])
    func realServersMultirangeAnswers(_ server: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.servers.appendingPathComponent("\(server)/range-multi.http")))
        let exchange = try #require(ResponseParser.parse(SourceText(name: "r", bytes: bytes)).first)
        #expect(exchange.response.status == 206)
        let reading = MultipartReading(exchange.response)
        let body = try #require(reading.body)
        #expect(body.parts.count == 2 && body.isClosed)
        #expect(body.parts.allSatisfy { $0.has("content-range") && $0.has("content-type") })
    }

    @Test func delimiterLines() {
        func parse(_ text: String, _ boundary: String = "b") -> MultipartReading.Body {
            MultipartReading.parse(Array(text.utf8), boundary: Array(boundary.utf8))
        }
        // Preamble, transport padding after the delimiter, bare LF, epilogue.
        let body = parse("preamble\r\n--b  \r\nA: 1\r\n\r\ndata\r\n--b\nB: 2\n\nmore\n--b--\r\nepilogue")
        #expect(body.parts.map(\.fieldNames) == [["a"], ["b"]] && body.isClosed)
        #expect(body.parts.map(\.offset) == [10, 31])
        // The boundary must begin a line and end it; a longer word is not a delimiter.
        #expect(parse("x--b\r\n--bb\r\n").parts.isEmpty)
        // A part with no fields, and one whose fields run into the next delimiter.
        let bare = parse("--b\r\n\r\nraw\r\n--b\r\nC: 3\r\n--b--")
        #expect(bare.parts.map(\.fieldNames) == [[], ["c"]] && bare.isClosed)
        // No close delimiter.
        #expect(!parse("--b\r\nA: 1\r\n\r\nx").isClosed)
    }
}
