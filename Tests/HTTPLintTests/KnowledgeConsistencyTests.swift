import HTTPLint
import Testing

/// The knowledge tables and the rules agree: what a table says is required is enforced.
@Suite struct KnowledgeConsistencyTests {
    /// Every field the status table lists as required (a MUST in the code's definition) is
    /// reported as an error when a response with that code leaves it out.
    @Test(arguments: StatusCode.all.filter { !$0.requiredFields.isEmpty }.map(\.code))
    func requiredFieldsAreEnforced(_ code: Int) throws {
        let entry = try #require(StatusCode.lookup(code))
        let response = "HTTP/1.1 \(code) \(entry.registration?.phrase ?? "X")\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\n\r\n"
        let findings = Linter().lint(SourceText(name: "t", text: response)).findings
        for field in entry.requiredFields {
            #expect(findings.contains { $0.severity == .error && $0.message.contains(field) },
                    "\(code) without \(field) is not reported as an error: \(findings.map(\.rule))")
        }
    }

    /// Every deprecated or obsoleted field in the field table is reported by deprecated-field.
    @Test func deprecatedFieldsAreReported() {
        for definition in FieldDefinition.all where definition.standing == .deprecated || definition.standing == .obsoleted {
            let response = "HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\n\(definition.name): x\r\nContent-Length: 0\r\n\r\n"
            let rules = Linter().lint(SourceText(name: "t", text: response)).findings.map(\.rule)
            #expect(rules.contains("deprecated-field"), "\(definition.name) is \(definition.standing.rawValue) but not reported")
        }
    }

    @Test func fieldTableHasNoDuplicateNames() {
        let names = FieldDefinition.all.map { $0.name.lowercased() }
        #expect(Set(names).count == names.count)
        #expect(names.count >= 150)
    }
}
