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

/// The per-field table and the count of fields with dedicated checks that the README states.
@Suite struct FieldCoverageTests {
    /// The README says how many fields have dedicated checks; the number is the table's.
    @Test func readmeStatesTheDedicatedFieldCount() throws {
        let readme = try PackageFiles.text("README.md")
        let sentence = try #require(readme.firstMatch(of: /(\d+) fields have dedicated checks/),
                                    "README.md should say how many fields have dedicated checks")
        let count = FieldCoverage.fieldsWithDedicatedChecks().count
        #expect(Int(sentence.1) == count,
                "README.md says \(sentence.1) fields have dedicated checks; the table has \(count)")
        // Issue #4's bar: at least 120 distinct fields checked for what they are.
        #expect(count >= 120)
    }

    /// A rule names fields as the field table spells them, so that the table finds them.
    @Test func rulesNameFieldsAsTheTableSpellsThem() {
        for rule in RuleCatalogue.rules {
            for name in rule.description.fields {
                #expect(!name.isEmpty && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") },
                        "\(rule.description.id) names '\(name)', which is not a field name")
                if let definition = FieldDefinition.lookup(name) {
                    #expect(definition.name == name, "\(rule.description.id) writes \(name); the field table writes \(definition.name)")
                }
            }
        }
    }

    /// Generic rules are not counted as dedicated: a field the table knows only by name
    /// (a request field, say) has none.
    @Test func genericChecksAreNotDedicated() throws {
        let accept = try #require(FieldCoverage.all().first { $0.name == "Accept" })
        #expect(!accept.hasDedicatedChecks)
        #expect(accept.genericRules.contains("request-field-in-response"))
        let trailer = try #require(FieldCoverage.all().first { $0.name == "Trailer" })
        // Its grammar's check and the rules that name it; no generic rule.
        #expect(Set(trailer.dedicatedRules) == ["invalid-field-value", "trailer-not-announced", "trailer-without-chunked"])
    }
}
