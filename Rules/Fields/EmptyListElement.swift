import HTTPLintCore

/// A comma-separated list field with an empty element: `a, , b`, or a leading or trailing comma.
struct EmptyListElement: Rule {
    static let description = RuleDescription(
        id: "empty-list-element",
        severity: .warning,
        category: .fields,
        summary: "List field with an empty element (two commas in a row, or a comma at either end)",
        rationale: """
            RFC 9110 §5.6.1: in the list syntax `#element`, "a sender MUST NOT generate empty \
            list elements"; recipients are to skip "a reasonable number" of them, so most \
            manage, but a strict parser rejects the field, and an empty element usually marks \
            a value built from a template with a missing part (`Vary: , Accept-Encoding`). \
            Checked in the fields the field table defines as lists, except Structured Fields \
            (invalid-structured-field reports theirs), Link and Via, whose URIs and comments \
            may hold commas, Transfer-Encoding (invalid-transfer-encoding reports its empty \
            members) and vendor fields whose grammar is not the list syntax.
            """,
        fix: "Remove the extra commas: `Vary: Accept-Encoding, Origin`",
        spec: [.rfc9110("5.6.1"), .rfc9110("5.6.1.1")],
        triggering: [
            Example("HTTP/1.1 200 OK\nVary: Accept-Encoding, , Origin\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nAccess-Control-Expose-Headers: ETag, Link,\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Control: , max-age=60\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nVary: Accept-Encoding, Origin\nCache-Control: private=\"Set-Cookie,,X\", max-age=60\nContent-Length: 0\n\n"),
            // Link URIs and Via comments may hold commas; an empty field is empty-field-value's.
            Example("HTTP/1.1 200 OK\nLink: </a,,b>; rel=next\nVia: 1.1 proxy (a,,b)\nVary:\nContent-Length: 0\n\n"),
        ]
    )

    /// List fields whose elements may hold unquoted commas (Link URIs, Via comments), whose
    /// empty members another rule reports (Transfer-Encoding: invalid-transfer-encoding), or
    /// whose grammar is a vendor's rather than the list syntax of RFC 9110.
    static let skipped: Set<String> = [
        "link", "via", "warning", "transfer-encoding", "x-powered-by", "x-cache", "p3p", "x-robots-tag",
        "x-content-security-policy", "x-webkit-csp", "alternates", "tcn", "feature-policy",
    ]

    /// The table's list fields that are checked: not Structured Fields, not request-only, not
    /// ``skipped``; each received field is tested with one bit instead of a look-up by name.
    static let checked = FieldDefinition.entries { definition in
        definition.cardinality == .list && definition.structuredType == nil && definition.direction != .request
            && !skipped.contains(definition.name.asciiLowercased())
    }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let checked = Self.checked
        for response in exchange.responses {
            response.fields.forEach { field in
                guard checked.contains(field),
                      Self.hasEmptyElement(receivedBytes: field.rawValueBytes) ?? Self.hasEmptyElement(field.readValueBytes),
                      let definition = FieldDefinition.lookup(field) else { return }
                report.add("\(definition.name) has an empty list element ('\(Printable.escape(field.value))'); senders must not generate them",
                           at: field.valueSpan, status: response.status)
            }
        }
    }

    /// ``hasEmptyElement(_:)`` of the value a recipient reads, judged on the bytes received
    /// (no copy, one pass): a bare CR reads as a space there, as ``Field/readValueBytes`` has
    /// it; `nil` when the bytes hold a LF (an obs-fold), whose unfolding the caller does.
    static func hasEmptyElement(receivedBytes bytes: ArraySlice<UInt8>) -> Bool? {
        bytes.withUnsafeBufferPointer { bytes -> Bool? in
            var inQuotes = false
            var elementHasContent = false
            var anyContent = false
            var emptyElement = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A { return nil }
                if inQuotes {
                    if byte == 0x5C {
                        if index + 1 < bytes.count, bytes[index + 1] == 0x0A { return nil }
                        index += 1
                        anyContent = true
                    } else if byte == 0x22 {
                        inQuotes = false
                    }
                    if byte != 0x20, byte != 0x09, byte != 0x0D { anyContent = true }
                } else if byte == 0x22 {
                    inQuotes = true
                    elementHasContent = true
                    anyContent = true
                } else if byte == 0x2C {
                    if !elementHasContent { emptyElement = true }
                    elementHasContent = false
                    anyContent = true
                } else if byte != 0x20, byte != 0x09, byte != 0x0D {
                    elementHasContent = true
                    anyContent = true
                }
                index += 1
            }
            guard anyContent else { return false }
            return emptyElement || !elementHasContent
        }
    }

    /// Whether a non-empty value has an element with nothing but whitespace, commas inside
    /// quoted strings aside.
    static func hasEmptyElement(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        var inQuotes = false
        var elementHasContent = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x5C { index += 1 } else if byte == 0x22 { inQuotes = false }
            } else if byte == 0x22 {
                inQuotes = true
                elementHasContent = true
            } else if byte == 0x2C {
                if !elementHasContent { return true }
                elementHasContent = false
            } else if byte != 0x20, byte != 0x09 {
                elementHasContent = true
            }
            index += 1
        }
        return !elementHasContent
    }
}
